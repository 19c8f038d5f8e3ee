package io.moderato.models.service;

import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.classification.service.ClassificationService;
import io.moderato.models.config.ModelsConfig;
import io.moderato.training.TrainingPipeline;
import io.moderato.training.TrainingSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * At start-up, makes the live bundle of the data directory (the one an admin chose, else the newest) live. When
 * there is none, trains one from the corpus first (a minute or less), so a fresh checkout serves without a separate
 * training step. Later, an admin can promote or roll back to any stored bundle without a restart.
 */
@ApplicationScoped
public class ModelLifecycle {

    private static final Logger LOG = Logger.getLogger(ModelLifecycle.class);

    private final ModelsConfig config;
    private final ClassificationService classification;

    public ModelLifecycle(ModelsConfig config, ClassificationService classification) {
        this.config = config;
        this.classification = classification;
    }

    void onStart(@Observes StartupEvent event) {
        classification.activate(loadOrTrain());
    }

    /** @return the model store of the configured data directory */
    public ModelStore store() {
        return new ModelStore(config.dataDir());
    }

    /**
     * Makes a stored bundle live now and on later starts: promotion of a new bundle or rollback to an old one.
     *
     * @param version the bundle's version
     * @return the bundle now live
     * @throws IOException when the bundle is missing or cannot be read; the live bundle is then unchanged
     */
    public synchronized ModelBundle activate(String version) throws IOException {
        ModelStore store = store();
        ModelBundle bundle = store.load(version);
        store.setLive(version);
        classification.activate(bundle);
        return bundle;
    }

    private ModelBundle loadOrTrain() {
        ModelStore store = store();
        try {
            Optional<String> live = store.live();
            if (live.isPresent()) {
                return store.load(live.get());
            }
            if (!config.training().whenMissing()) {
                throw new IllegalStateException("no model bundle under " + config.dataDir().toAbsolutePath()
                        + " and moderato.training.when-missing is false");
            }
            LOG.infof("no model bundle under %s: training one from %s", config.dataDir().toAbsolutePath(),
                    config.training().corpusDir().toAbsolutePath());
            TrainingPipeline.Result result = new TrainingPipeline(TrainingSettings.DEFAULT)
                    .run(config.training().corpusDir(), config.dataDir());
            LOG.infof("trained bundle %s (held-out toxicity ROC AUC %.3f)", result.bundle().version(),
                    result.heldOut().attributes().get("toxicity").rocAuc());
            return result.bundle();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or train a model bundle", e);
        }
    }
}
