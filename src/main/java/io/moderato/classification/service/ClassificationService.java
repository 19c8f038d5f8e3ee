package io.moderato.classification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.moderato.classification.ArticleContext;
import io.moderato.classification.Classification;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ScoringMode;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import io.moderato.classification.config.ClassificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Scores comments with the live model bundle (a site's own when it has one, else the shared one), in the configured mode unless a request asks for another. The bundle
 * can be swapped while requests are running: each request uses the bundle that was live when it started. Records a
 * latency histogram per mode and counts comments.
 */
@ApplicationScoped
public class ClassificationService {

    private static final Logger LOG = Logger.getLogger(ClassificationService.class);

    private final AtomicReference<TextClassifier> live = new AtomicReference<>();
    /** Sites with a bundle of their own; every other site is scored by the shared one. */
    private final Map<String, TextClassifier> siteLive = new ConcurrentHashMap<>();
    private final ClassificationConfig config;
    private final EncoderService encoder;
    private final ScoringMode defaultMode;
    private final MeterRegistry registry;
    private final Counter comments;

    public ClassificationService(ClassificationConfig config, EncoderService encoder, MeterRegistry registry) {
        this.config = config;
        this.encoder = encoder;
        this.registry = registry;
        this.defaultMode = ScoringMode.fromKey(config.mode()).orElseThrow(() -> new IllegalArgumentException(
                "moderato.classification.mode must be fast or full, was " + config.mode()));
        this.comments = Counter.builder("moderato.classification.comments")
                .description("Comments classified").register(registry);
    }

    /**
     * Makes a bundle live.
     *
     * @param bundle the bundle to score with from now on
     */
    public void activate(ModelBundle bundle) {
        TextClassifier previous = live.getAndSet(classifierOf(bundle));
        LOG.infof("model bundle %s is live%s", bundle.version(),
                previous == null ? "" : " (was " + previous.bundle().version() + ")");
    }

    /**
     * Makes a bundle live for one site; the site's comments are scored by it from now on.
     *
     * @param siteId the site
     * @param bundle the bundle
     */
    public void activate(String siteId, ModelBundle bundle) {
        TextClassifier previous = siteLive.put(siteId, classifierOf(bundle));
        LOG.infof("model bundle %s is live for site %s%s", bundle.version(), siteId,
                previous == null ? "" : " (was " + previous.bundle().version() + ")");
    }

    private TextClassifier classifierOf(ModelBundle bundle) {
        ScoringSettings settings = new ScoringSettings(config.sentenceMinLength(), config.spanMinScore(),
                config.maxTopics(), config.contextWeight());
        return new TextClassifier(bundle, settings, encoder.embedder().orElse(null));
    }

    /** @return the live shared bundle, if one is loaded */
    public Optional<ModelBundle> liveBundle() {
        TextClassifier classifier = live.get();
        return classifier == null ? Optional.empty() : Optional.of(classifier.bundle());
    }

    /**
     * @param siteId a site, or null
     * @return the bundle scoring that site's comments: its own, else the shared one
     */
    public Optional<ModelBundle> liveBundle(String siteId) {
        TextClassifier own = siteId == null ? null : siteLive.get(siteId);
        return own != null ? Optional.of(own.bundle()) : liveBundle();
    }

    /** @return per site with a bundle of its own, that bundle's version */
    public Map<String, String> siteVersions() {
        Map<String, String> versions = new java.util.TreeMap<>();
        siteLive.forEach((site, classifier) -> versions.put(site, classifier.bundle().version()));
        return versions;
    }

    /** @return the mode used when a request names none */
    public ScoringMode defaultMode() {
        return defaultMode;
    }

    /**
     * @param text    the comment
     * @param context the article, or null
     * @return the classification by the live bundle in the default mode
     * @throws ModelNotReadyException before the first bundle is live
     */
    public Classification classify(String text, ArticleContext context) {
        return classify(text, context, null);
    }

    /**
     * @param text    the comment
     * @param context the article, or null
     * @param mode    the mode, or null for the default
     * @return the classification by the live bundle
     * @throws ModelNotReadyException before the first bundle is live
     */
    public Classification classify(String text, ArticleContext context, ScoringMode mode) {
        return classify(text, context, mode, null);
    }

    /**
     * @param text    the comment
     * @param context the article, or null
     * @param mode    the mode, or null for the default
     * @param siteId  the site whose live bundle scores it (the shared one when the site has none), or null
     * @return the classification
     * @throws ModelNotReadyException before the first bundle is live
     */
    public Classification classify(String text, ArticleContext context, ScoringMode mode, String siteId) {
        TextClassifier classifier = classifier(siteId);
        ScoringMode effective = classifier.effectiveMode(mode == null ? defaultMode : mode);
        Timer.Sample sample = Timer.start();
        Classification result = classifier.classifyAll(List.of(text), java.util.Collections.singletonList(context),
                effective, true).get(0);
        sample.stop(timer("single", effective));
        comments.increment();
        return result;
    }

    /**
     * Classifies several comments with one bundle, so all results carry the same model version; in full mode their
     * embeddings are computed together.
     *
     * @param items   the comments
     * @param text    how to get an item's text
     * @param context how to get an item's article, may return null
     * @param mode    the mode, or null for the default
     * @param spans   whether to find the spans behind high scores
     * @param <T>     the item type
     * @return classifications in item order
     */
    public <T> List<Classification> classifyAll(List<T> items, Function<T, String> text,
                                                Function<T, ArticleContext> context, ScoringMode mode, boolean spans) {
        return classifyAll(items, text, context, mode, spans, null);
    }

    /**
     * Same as {@link #classifyAll(List, Function, Function, ScoringMode, boolean)} with a site's live bundle.
     *
     * @param items   the comments
     * @param text    how to get an item's text
     * @param context how to get an item's article, may return null
     * @param mode    the mode, or null for the default
     * @param spans   whether to find the spans behind high scores
     * @param siteId  the site (its own bundle, else the shared one), or null
     * @param <T>     the item type
     * @return classifications in item order
     */
    public <T> List<Classification> classifyAll(List<T> items, Function<T, String> text,
                                                Function<T, ArticleContext> context, ScoringMode mode, boolean spans,
                                                String siteId) {
        TextClassifier classifier = classifier(siteId);
        ScoringMode effective = classifier.effectiveMode(mode == null ? defaultMode : mode);
        Timer.Sample sample = Timer.start();
        List<Classification> results = classifier.classifyAll(items.stream().map(text).toList(),
                items.stream().map(context).toList(), effective, spans);
        long perItem = sample.stop(Timer.builder("moderato.classification.batch").tag("mode", effective.key())
                .register(registry)) / Math.max(1, items.size());
        timer("batch", effective).record(Duration.ofNanos(perItem));
        comments.increment(items.size());
        return results;
    }

    /**
     * Same as {@link #classifyAll(List, Function, Function, ScoringMode, boolean)} in the default mode with spans.
     *
     * @param items   the comments
     * @param text    how to get an item's text
     * @param context how to get an item's article, may return null
     * @param <T>     the item type
     * @return classifications in item order
     */
    public <T> List<Classification> classifyAll(List<T> items, Function<T, String> text, Function<T, ArticleContext> context) {
        return classifyAll(items, text, context, null, true);
    }

    private Timer timer(String kind, ScoringMode mode) {
        return Timer.builder("moderato.classification.latency").description("Time to classify one comment")
                .tag("kind", kind).tag("mode", mode.key()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(2))
                .register(registry);
    }

    private TextClassifier classifier(String siteId) {
        TextClassifier own = siteId == null ? null : siteLive.get(siteId);
        if (own != null) {
            return own;
        }
        TextClassifier classifier = live.get();
        if (classifier == null) {
            throw new ModelNotReadyException();
        }
        return classifier;
    }
}
