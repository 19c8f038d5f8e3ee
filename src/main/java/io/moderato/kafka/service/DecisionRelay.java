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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox's decision events to the decisions topic, from one thread per replica: woken as soon as a
 * transaction with a status change commits, and every {@code moderato.kafka.relay-interval} regardless (events left
 * by a replica that died, or by a failed run). Each run locks a batch of the oldest events (rows other replicas hold
 * are skipped), sends them, waits until the brokers acknowledged every one, then deletes them in the same
 * transaction. A replica that dies mid-run leaves its rows to the next run anywhere: events are published at least
 * once (a consumer deduplicates on the event {@code id}).
 */
@ApplicationScoped
public class DecisionRelay {

    private static final Logger LOG = Logger.getLogger(DecisionRelay.class);

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
                wakeUp.tryAcquire(config.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                // A full batch means more are waiting: keep going rather than wait.
                int published;
                do {
                    published = relay();
                } while (published == config.relayBatchSize() && !stopping);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The rows stay; the next run sends them again.
                LOG.warn("publishing decision events failed; trying again in " + config.relayInterval(), e);
            }
        }
    }

    /**
     * Publishes one batch.
     *
     * @return how many events were published
     */
    int relay() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<DecisionOutboxEntity> due = outbox.lockOldest(config.relayBatchSize());
            if (due.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acknowledged = due.stream()
                    .map(event -> publisher.publish(event.recordKey, event.payload))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(acknowledged).get(config.relayTimeout().toMillis(), TimeUnit.MILLISECONDS);
            outbox.delete("id in ?1", due.stream().map(event -> event.id).toList());
            return due.size();
        });
    }
}
