package io.moderato.models.service;

import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.classification.service.ClassificationService;
import io.moderato.classification.service.EncoderService;
import io.moderato.models.config.ModelsConfig;
import io.moderato.models.repository.LiveModelEntity;
import io.moderato.models.repository.LiveModelRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * At start-up, makes the live bundles live: the shared one (the one an admin chose, recorded in the database and in
 * the data directory's LIVE file, else the newest shared bundle) and each site's own. Later, an admin can promote
 * or roll back to any stored bundle without a restart. When the data directory has no usable bundle, the service
 * still starts and answers (readiness DOWN, classification 503) while the training side trains the first one;
 * {@link #pending()} says what is happening meanwhile.
 */
@ApplicationScoped
public class ModelLifecycle {

    private static final Logger LOG = Logger.getLogger(ModelLifecycle.class);

    private final ModelsConfig config;
    private final ClassificationService classification;
    private final EncoderService encoder;
    private final LiveModelRepository liveModels;
    private volatile String pending = "no model bundle loaded yet";

    public ModelLifecycle(ModelsConfig config, ClassificationService classification, EncoderService encoder,
                          LiveModelRepository liveModels) {
        this.config = config;
        this.classification = classification;
        this.encoder = encoder;
        this.liveModels = liveModels;
    }

    void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) StartupEvent event) {
        loadLive();
    }

    /**
     * Loads the live bundles of the data directory, if it has usable ones.
     *
     * @return true when a shared bundle is now live
     */
    public synchronized boolean loadLive() {
        ModelStore store = store();
        List<LiveModelEntity> rows = QuarkusTransaction.requiringNew().call(() -> liveModels.listAll());
        for (LiveModelEntity row : rows) {
            if (!LiveModelEntity.SHARED.equals(row.siteId)) {
                try {
                    classification.activate(row.siteId, store.load(row.version));
                } catch (IOException e) {
                    LOG.errorf("model bundle %s of site %s cannot be used (the site gets the shared one): %s",
                            row.version, row.siteId, e.getMessage());
                }
            }
        }
        Optional<String> live = rows.stream().filter(row -> LiveModelEntity.SHARED.equals(row.siteId))
                .map(row -> row.version).filter(store.versions()::contains).findFirst().or(store::live);
        if (live.isEmpty()) {
            pending = "no model bundle under " + config.dataDir().toAbsolutePath();
            return false;
        }
        try {
            classification.activate(store.load(live.get()));
            pending = null;
            return true;
        } catch (IOException e) {
            LOG.errorf("model bundle %s cannot be used: %s", live.get(), e.getMessage());
            pending = "model bundle " + live.get() + " cannot be used: " + e.getMessage();
            return false;
        }
    }

    /** @return what keeps the service from having a live bundle, if it has none */
    public Optional<String> pending() {
        return classification.liveBundle().isPresent() ? Optional.empty() : Optional.ofNullable(pending);
    }

    /** @param reason what keeps the service from having a live bundle now (shown by the readiness check) */
    public void reportPending(String reason) {
        this.pending = reason;
    }

    /** @return the model store of the configured data directory, for the encoder this service runs */
    public ModelStore store() {
        return new ModelStore(config.dataDir(), encoder.identity().orElse(null));
    }

    /**
     * Makes a stored bundle live now and on later starts: promotion of a new bundle or rollback to an old one. A
     * bundle trained for a site becomes live for that site only; a shared bundle for every site without its own.
     *
     * @param version the bundle's version
     * @param actor   who makes it live
     * @return the bundle now live
     * @throws IOException when the bundle is missing or cannot be read; the live bundle is then unchanged
     */
    public synchronized ModelBundle activate(String version, String actor) throws IOException {
        ModelStore store = store();
        ModelBundle bundle = store.load(version);
        String siteId = bundle.manifest().siteId();
        QuarkusTransaction.joiningExisting().run(() ->
                liveModels.set(siteId == null ? LiveModelEntity.SHARED : siteId, version, actor));
        if (siteId == null) {
            store.setLive(version);
            classification.activate(bundle);
            pending = null;
        } else {
            classification.activate(siteId, bundle);
        }
        return bundle;
    }
}
