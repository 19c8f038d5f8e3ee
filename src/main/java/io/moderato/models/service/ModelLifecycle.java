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
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At start-up, makes the live bundles live: the shared one (the one an admin chose, recorded in the database and in
 * the data directory's LIVE file, else the newest shared bundle) and each site's own. Later, an admin can promote
 * or roll back to any stored bundle without a restart. When the data directory has no usable bundle, the service
 * still starts and answers (readiness DOWN, classification 503) while the training side trains the first one;
 * {@link #pending()} says what is happening meanwhile. Every replica follows the database's record of what is live
 * ({@link #followPromotions()}), so a promotion or rollback made on one is live on all within the follow interval.
 */
@ApplicationScoped
public class ModelLifecycle {

    private static final Logger LOG = Logger.getLogger(ModelLifecycle.class);

    private final ModelsConfig config;
    private final ClassificationService classification;
    private final EncoderService encoder;
    private final LiveModelRepository liveModels;
    private final TransactionSynchronizationRegistry transactions;
    private volatile String pending = "no model bundle loaded yet";
    /** Versions recorded as live that this replica could not load, each logged once until it changes. */
    private final Set<String> unusable = ConcurrentHashMap.newKeySet();

    public ModelLifecycle(ModelsConfig config, ClassificationService classification, EncoderService encoder,
                          LiveModelRepository liveModels, TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.classification = classification;
        this.encoder = encoder;
        this.liveModels = liveModels;
        this.transactions = transactions;
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

    /**
     * Makes live here what the database records as live, when another replica promoted or rolled back a bundle. The
     * bundle must be in this replica's data directory (in a cluster, a shared volume); one that is not stays logged
     * once, and the bundle live before stays live. Skipped while the service starts or stops (the database is closed
     * before the scheduler, and a stop can take seconds).
     */
    @Scheduled(every = "${moderato.models.follow-interval}", delayed = "${moderato.models.follow-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void followPromotions() {
        if (classification.liveBundle().isEmpty()) {
            return;  // still starting, or training the first bundle: start-up loads what is live
        }
        List<LiveModelEntity> rows = QuarkusTransaction.requiringNew().call(() -> liveModels.listAll());
        Map<String, String> siteVersions = classification.siteVersions();
        String shared = classification.liveBundle().get().version();
        ModelStore store = null;
        for (LiveModelEntity row : rows) {
            boolean isShared = LiveModelEntity.SHARED.equals(row.siteId);
            String current = isShared ? shared : siteVersions.get(row.siteId);
            if (Objects.equals(current, row.version) || unusable.contains(row.siteId + "@" + row.version)) {
                continue;
            }
            store = store == null ? store() : store;
            try {
                ModelBundle bundle = store.load(row.version);
                if (isShared) {
                    classification.activate(bundle);
                } else {
                    classification.activate(row.siteId, bundle);
                }
                LOG.infof("model bundle %s made live for %s by %s on another replica", row.version,
                        isShared ? "every site" : "site " + row.siteId, row.updatedBy);
            } catch (IOException e) {
                unusable.add(row.siteId + "@" + row.version);
                LOG.errorf("model bundle %s, live for %s on another replica, cannot be used here (%s): put the data "
                        + "directory's models on storage every replica shares", row.version, row.siteId, e.getMessage());
            }
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
     * Within the caller's transaction, the bundle becomes live here when that transaction commits (and not at all
     * if it rolls back): the database's record is what every replica follows, this one's follower included, and
     * live before its record was committed, the follower could read the previous record in between and put the
     * previous bundle back until its next round.
     *
     * @param version the bundle's version
     * @param actor   who makes it live
     * @return the bundle made live
     * @throws IOException when the bundle is missing or cannot be read; the live bundle is then unchanged
     */
    public synchronized ModelBundle activate(String version, String actor) throws IOException {
        ModelStore store = store();
        ModelBundle bundle = store.load(version);
        String siteId = bundle.manifest().siteId();
        QuarkusTransaction.joiningExisting().run(() ->
                liveModels.set(siteId == null ? LiveModelEntity.SHARED : siteId, version, actor));
        if (!QuarkusTransaction.isActive()) {
            makeLive(store, bundle);
            return bundle;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the record is written
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        makeLive(store, bundle);
                    } catch (IOException e) {
                        LOG.errorf("model bundle %s is recorded as live but could not be marked live in %s: %s",
                                version, config.dataDir(), e.getMessage());
                    }
                }
            }
        });
        return bundle;
    }

    private synchronized void makeLive(ModelStore store, ModelBundle bundle) throws IOException {
        String siteId = bundle.manifest().siteId();
        if (siteId == null) {
            store.setLive(bundle.version());
            classification.activate(bundle);
            pending = null;
        } else {
            classification.activate(siteId, bundle);
        }
    }
}
