package io.moderato.training.service;

import io.moderato.classification.BundleFiles;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.service.ClassificationService;
import io.moderato.classification.service.EncoderService;
import io.moderato.embedding.SentenceEncoder;
import io.moderato.models.config.ModelsConfig;
import io.moderato.models.service.ModelLifecycle;
import io.moderato.training.CorpusReader;
import io.moderato.training.EvaluationReport;
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
 * background (under two minutes on two cores, with progress in the log and in the readiness check), makes it live,
 * then evaluates it on the corpus's held-out split and adds the figures to the bundle: until a first bundle exists
 * the service can classify nothing, and nothing waits on the first bundle's figures (there is no bundle to judge it
 * against), so it serves as soon as it is trained. A start that finds the live shared bundle still without its
 * evaluation (the process stopped in those seconds) completes it. Observes start-up after {@link ModelLifecycle} (a
 * later priority), once it has tried to load a stored bundle.
 */
@ApplicationScoped
public class FirstBundleTraining {

    private static final Logger LOG = Logger.getLogger(FirstBundleTraining.class);

    private final ModelsConfig config;
    private final ModelLifecycle lifecycle;
    private final EncoderService encoder;
    private final ClassificationService classification;

    public FirstBundleTraining(ModelsConfig config, ModelLifecycle lifecycle, EncoderService encoder,
                               ClassificationService classification) {
        this.config = config;
        this.lifecycle = lifecycle;
        this.encoder = encoder;
        this.classification = classification;
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (lifecycle.pending().isEmpty()) {
            classification.liveBundle().filter(FirstBundleTraining::awaitsEvaluation).ifPresent(bundle -> {
                Thread thread = new Thread(() -> completeEvaluation(bundle), "moderato-first-evaluation");
                thread.setDaemon(true);
                thread.start();
            });
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
            ModelBundle live;
            try {
                live = lifecycle.activate(trainAndSave(bulk, log), "moderato");
            } catch (Exception e) {
                LOG.error("training the first model bundle failed", e);
                lifecycle.reportPending("training the first model bundle failed: " + e.getMessage());
                return;
            }
            completeEvaluation(live, bulk);
        }
        // Now that trainAndSave has returned, nothing of the training is reachable (inside it, the trained bundle's
        // Tribuo models, with their statistics of every feature, were still in its frame).
        TrainingMemory.release();
    }

    /** Trains the first bundle from the corpus and saves it; answers its version. */
    private String trainAndSave(SentenceEncoder bulk, LoggedProgress log) throws IOException {
        TrainingPipeline.Result result = new TrainingPipeline(TrainingSettings.DEFAULT).trainUnevaluated(
                config.training().corpusDir(), config.dataDir(), bulk,
                (phase, fraction) -> {
                    log.report(phase, fraction);
                    lifecycle.reportPending(String.format(Locale.ROOT, "training the first model bundle: %.0f%%, %s",
                            100 * fraction, phase));
                });
        LOG.infof("trained bundle %s; it is evaluated on the held-out split once live", result.bundle().version());
        return result.bundle().version();
    }

    private static boolean awaitsEvaluation(ModelBundle bundle) {
        return bundle.directory() != null && bundle.manifest().siteId() == null
                && !Files.exists(bundle.directory().resolve(BundleFiles.EVALUATION));
    }

    /** Evaluates a live bundle without figures with a bulk encoder of its own. */
    private void completeEvaluation(ModelBundle bundle) {
        try (SentenceEncoder bulk = encoder.openBulkEncoder().orElse(null)) {
            LOG.infof("model bundle %s has no held-out evaluation yet (the process stopped before it was complete)",
                    bundle.version());
            completeEvaluation(bundle, bulk);
        }
        TrainingMemory.release();
    }

    /** Evaluates a live bundle without figures on the held-out split; a failure is logged, the bundle stays live. */
    private void completeEvaluation(ModelBundle bundle, SentenceEncoder bulk) {
        LOG.infof("evaluating model bundle %s on the held-out split", bundle.version());
        try {
            EvaluationReport report = new TrainingPipeline(TrainingSettings.DEFAULT).completeEvaluation(
                    config.training().corpusDir(), config.dataDir(), bundle, bulk);
            LOG.infof("model bundle %s evaluated: held-out toxicity ROC AUC %.3f", bundle.version(),
                    report.attributes().get("toxicity").rocAuc());
        } catch (Exception e) {
            LOG.errorf(e, "evaluating model bundle %s on the held-out split failed; it stays live without figures "
                    + "(the evaluate command can measure it)", bundle.version());
        }
    }
}
