package io.moderato.kafka.service;

import io.moderato.comment.CommentStatusChanged;
import io.moderato.kafka.config.KafkaConfig;
import io.moderato.kafka.repository.DecisionOutboxEntity;
import io.moderato.kafka.repository.DecisionOutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the outbox's decision events to the decisions topic, from one thread per replica: woken as soon as a
 * transaction with a status change commits, and every {@code moderato.kafka.relay-interval} regardless (events left
 * by a replica that died, or by a failed run). Each run claims a batch of the oldest unclaimed events (rows
 * another replica is claiming are skipped), sends them, waits until the brokers acknowledged every one, then deletes
 * them. A replica that dies mid-run leaves its claim to lapse and the events to the next run anywhere: events are
 * published at least once (a consumer deduplicates on the event {@code id}).
 */
@ApplicationScoped
public class DecisionRelay {

    private static final Logger LOG = Logger.getLogger(DecisionRelay.class);
    /** After a wake-up, how long to let concurrent commits add their events, so one run sends them together. */
    private static final long LINGER_MILLIS = 20;

    private final DecisionOutboxRepository outbox;
    private final DecisionPublisher publisher;
    private final KafkaConfig config;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean stopping;
    private Thread worker;

    public DecisionRelay(DecisionOutboxRepository outbox,
                         DecisionPublisher publisher,
                         KafkaConfig config) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        worker = new Thread(this::run, "decision-relay");
        worker.start();
    }

    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (worker != null) {
            wakeUp.release();
            worker.join(config.relayTimeout().toMillis());
        }
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentStatusChanged change) {
        if (worker != null && wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void run() {
        while (!stopping) {
            try {
                if (wakeUp.tryAcquire(config.relayInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    Thread.sleep(LINGER_MILLIS);
                }
                wakeUp.drainPermits();
                // A full batch means more are waiting: keep going rather than wait.
                int published;
                do {
                    published = relay();
                } while (published == config.relayBatchSize() && !stopping);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | ExecutionException | TimeoutException e) {
                // The rows stay; the next run sends them again.
                LOG.warn("publishing decision events failed; trying again in " + config.relayInterval(), e);
            }
        }
    }

    /**
     * Publishes one batch: claims it (one transaction), sends it and waits for the brokers' acknowledgements (no
     * transaction open), deletes it (another transaction). Dying in between leaves the claim to lapse, and the
     * events are sent again.
     *
     * @return how many events were published
     */
    int relay() throws InterruptedException, ExecutionException, TimeoutException {
        Instant now = Instant.now();
        Instant claimUntil = now.plus(config.relayTimeout()).plus(config.relayTimeout());
        List<DecisionOutboxEntity> claimed = QuarkusTransaction.requiringNew()
                .call(() -> outbox.claimOldest(now, claimUntil, config.relayBatchSize()));
        if (claimed.isEmpty()) {
            return 0;
        }
        CompletableFuture<?>[] acknowledged = claimed.stream()
                .map(event -> publisher.publish(event.recordKey, event.payload))
                .toArray(CompletableFuture[]::new);
        List<Long> ids = claimed.stream().map(event -> event.id).toList();
        try {
            CompletableFuture.allOf(acknowledged).get(config.relayTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Let the next run (here or on another replica) take them at once rather than after the claim lapses.
            QuarkusTransaction.requiringNew().run(() -> outbox.release(ids));
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.delete("id in ?1", ids));
        return claimed.size();
    }
}
