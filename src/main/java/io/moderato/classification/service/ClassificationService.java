package io.moderato.classification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.moderato.classification.ArticleContext;
import io.moderato.classification.Classification;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import io.moderato.classification.config.ClassificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Scores comments with the live model bundle. The bundle can be swapped while requests are running: each request
 * uses the bundle that was live when it started. Records a latency histogram and counts per operation.
 */
@ApplicationScoped
public class ClassificationService {

    private static final Logger LOG = Logger.getLogger(ClassificationService.class);

    private final AtomicReference<TextClassifier> live = new AtomicReference<>();
    private final ClassificationConfig config;
    private final Timer singleTimer;
    private final Timer batchItemTimer;
    private final Counter comments;

    public ClassificationService(ClassificationConfig config, MeterRegistry registry) {
        this.config = config;
        this.singleTimer = Timer.builder("moderato.classification.latency")
                .description("Time to classify one comment").tag("mode", "single")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(2)).register(registry);
        this.batchItemTimer = Timer.builder("moderato.classification.latency")
                .description("Time to classify one comment").tag("mode", "batch")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(2)).register(registry);
        this.comments = Counter.builder("moderato.classification.comments")
                .description("Comments classified").register(registry);
    }

    /**
     * Makes a bundle live.
     *
     * @param bundle the bundle to score with from now on
     */
    public void activate(ModelBundle bundle) {
        ScoringSettings settings = new ScoringSettings(config.sentenceMinLength(), config.spanMinScore(),
                config.maxTopics(), config.contextWeight());
        TextClassifier previous = live.getAndSet(new TextClassifier(bundle, settings));
        LOG.infof("model bundle %s is live%s", bundle.version(),
                previous == null ? "" : " (was " + previous.bundle().version() + ")");
    }

    /** @return the live bundle, if one is loaded */
    public Optional<ModelBundle> liveBundle() {
        TextClassifier classifier = live.get();
        return classifier == null ? Optional.empty() : Optional.of(classifier.bundle());
    }

    /**
     * @param text    the comment
     * @param context the article, or null
     * @return the classification by the live bundle
     * @throws ModelNotReadyException before the first bundle is live
     */
    public Classification classify(String text, ArticleContext context) {
        TextClassifier classifier = classifier();
        Timer.Sample sample = Timer.start();
        Classification result = classifier.classify(text, context);
        sample.stop(singleTimer);
        comments.increment();
        return result;
    }

    /**
     * Classifies several comments with one bundle, so all results carry the same model version.
     *
     * @param items    the comments
     * @param text     how to get an item's text
     * @param context  how to get an item's article, may return null
     * @param <T>      the item type
     * @return classifications in item order
     */
    public <T> List<Classification> classifyAll(List<T> items, Function<T, String> text, Function<T, ArticleContext> context) {
        TextClassifier classifier = classifier();
        return items.stream().map(item -> {
            Timer.Sample sample = Timer.start();
            Classification result = classifier.classify(text.apply(item), context.apply(item));
            sample.stop(batchItemTimer);
            comments.increment();
            return result;
        }).toList();
    }

    private TextClassifier classifier() {
        TextClassifier classifier = live.get();
        if (classifier == null) {
            throw new ModelNotReadyException();
        }
        return classifier;
    }
}
