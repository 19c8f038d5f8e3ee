package io.moderato.kafka.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.LockOptions;

import java.util.List;

/** The decision-event outbox. */
@ApplicationScoped
public class DecisionOutboxRepository implements PanacheRepository<DecisionOutboxEntity> {

    /**
     * Locks the oldest waiting events for the caller's transaction. {@code SKIP LOCKED} (PostgreSQL) lets other
     * replicas take the next ones instead of waiting; a replica that dies releases its rows with its connection.
     *
     * @param limit at most this many
     * @return the events, oldest first
     */
    public List<DecisionOutboxEntity> lockOldest(int limit) {
        return getEntityManager().createQuery("select d from DecisionOutboxEntity d order by d.id", DecisionOutboxEntity.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .setMaxResults(limit)
                .getResultList();
    }
}
