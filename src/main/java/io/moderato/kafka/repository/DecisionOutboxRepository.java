package io.moderato.kafka.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.LockOptions;

import java.time.Instant;
import java.util.List;

/** The decision-event outbox. */
@ApplicationScoped
public class DecisionOutboxRepository implements PanacheRepository<DecisionOutboxEntity> {

    /**
     * Claims the oldest events nobody owns (or whose owner's claim lapsed) for the caller. The rows are locked
     * while the claim is set; {@code SKIP LOCKED} (PostgreSQL) lets another replica claim the next ones meanwhile
     * instead of waiting. Call within a transaction: the claim holds once it commits.
     *
     * @param now   the current time
     * @param until when the claim lapses (a relay that died lets the events go then)
     * @param limit at most this many
     * @return the claimed events, oldest first
     */
    public List<DecisionOutboxEntity> claimOldest(Instant now, Instant until, int limit) {
        List<DecisionOutboxEntity> free = getEntityManager().createQuery("select d from DecisionOutboxEntity d"
                                + " where d.claimedUntil is null or d.claimedUntil < :now order by d.id",
                        DecisionOutboxEntity.class)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .setMaxResults(limit)
                .getResultList();
        free.forEach(event -> event.claimedUntil = until);
        return free;
    }

    /**
     * Gives claimed events back, for the next relay run to take.
     *
     * @param ids the events
     */
    public void release(List<Long> ids) {
        update("claimedUntil = null where id in ?1", ids);
    }
}
