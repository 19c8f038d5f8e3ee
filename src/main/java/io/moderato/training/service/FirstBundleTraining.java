package io.moderato.training.service;

import io.moderato.classification.service.EncoderService;
import io.moderato.embedding.SentenceEncoder;
import io.moderato.models.config.ModelsConfig;
import io.moderato.models.service.ModelLifecycle;
import io.moderato.training.CorpusReader;
import io.moderato.training.LoggedProgress;
import io.moderato.training.TrainingPipeline;
import io.moderato.training.TrainingSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * When the service starts on a data directory without a usable bundle, trains one from the corpus in the
 * background (about two minutes on two cores, with progress in the log and in the readiness check) and makes it
 * live. Observes start-up after {@link ModelLifecycle} (a later priority), once it has tried to load a stored bundle.
 */
@ApplicationScoped
public class FirstBundleTraining {

    private static final Logger LOG = Logger.getLogger(FirstBundleTraining.class);

    private final ModelsConfig config;
    private final ModelLifecycle lifecycle;
    private final EncoderService encoder;

    public FirstBundleTraining(ModelsConfig config, ModelLifecycle lifecycle, EncoderService encoder) {
        this.config = config;
        this.lifecycle = lifecycle;
        this.encoder = encoder;
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (lifecycle.pending().isEmpty()) {
            return;
        }
        if (!config.training().whenMissing()) {
            LOG.errorf("%s, and moderato.training.when-missing is false: train one with the train command",
                    lifecycle.pending().get());
            return;
        }
        if (config.training().waitAtStart()) {
            train();
            return;
        }
        Thread thread = new Thread(this::train, "moderato-first-training");
        thread.setDaemon(true);
        thread.start();
    }

    private void train() {
        LOG.infof("no usable model bundle under %s: training one from %s", config.dataDir().toAbsolutePath(),
                config.training().corpusDir().toAbsolutePath());
        LoggedProgress log = new LoggedProgress(LOG::info);
        Path trainFile = config.training().corpusDir().resolve(CorpusReader.TRAIN_FILE);
        if (!Files.isRegularFile(trainFile)) {
            // Before the bulk encoder's two seconds of loading: there is nothing to train from.
            LOG.errorf("training the first model bundle failed: no corpus at %s", trainFile.toAbsolutePath());
            lifecycle.reportPending("training the first model bundle failed: no corpus at " + trainFile);
            return;
        }
        try (SentenceEncoder bulk = encoder.openBulkEncoder().orElse(null)) {
            lifecycle.activate(trainAndSave(bulk, log), "moderato");
        } catch (Exception e) {
            LOG.error("training the first model bundle failed", e);
            lifecycle.reportPending("training the first model bundle failed: " + e.getMessage());
            return;
        }
        // Now that trainAndSave has returned, nothing of the training is reachable (inside it, the trained bundle's
        // Tribuo models, with their statistics of every feature, were still in its frame).
        TrainingMemory.release();
    }

    /** Trains the first bundle from the corpus and saves it; answers its version. */
    private String trainAndSave(SentenceEncoder bulk, LoggedProgress log) throws IOException {
        TrainingPipeline.Result result = new TrainingPipeline(TrainingSettings.DEFAULT).run(
                config.training().corpusDir(), config.dataDir(), bulk,
                (phase, fraction) -> {
                    log.report(phase, fraction);
                    lifecycle.reportPending(String.format(Locale.ROOT, "training the first model bundle: %.0f%%, %s",
                            100 * fraction, phase));
                });
        LOG.infof("trained bundle %s (held-out toxicity ROC AUC %.3f)", result.bundle().version(),
                result.heldOut().attributes().get("toxicity").rocAuc());
        return result.bundle().version();
    }
}
