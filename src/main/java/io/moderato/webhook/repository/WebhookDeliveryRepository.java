package io.moderato.webhook.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** The delivery outbox and log. */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepository<WebhookDeliveryEntity> {

    /**
     * @param now   the current time
     * @param limit at most this many
     * @return ids of pending deliveries that are due, not claimed by a live dispatcher and whose endpoint is active
     *         (an inactive endpoint's pending deliveries wait until it is active again), oldest due first
     */
    public List<Long> dueIds(Instant now, int limit) {
        return getEntityManager().createQuery("select d.id from WebhookDeliveryEntity d where d.status = :pending "
                        + "and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now) "
                        + "and exists (select e.id from WebhookEndpointEntity e where e.id = d.endpointId and e.active = true) "
                        + "order by d.nextAttemptAt, d.id", Long.class)
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Claims one delivery for this dispatcher. A single conditional UPDATE: of two instances racing for the same
     * row, the database lets exactly one match the condition (the other waits for the row lock, then sees the
     * new {@code claimed_until}). Portable to H2 and PostgreSQL.
     *
     * @param id    the delivery
     * @param now   the current time
     * @param until when the claim lapses (a dispatcher that died lets the row go then)
     * @return true when this caller now owns the delivery
     */
    public boolean claim(long id, Instant now, Instant until) {
        return update("claimedUntil = :until where id = :id and status = :pending and (claimedUntil is null or claimedUntil < :now)",
                Parameters.with("until", until).and("id", id).and("pending", DeliveryStatus.PENDING).and("now", now)) == 1;
    }

    /**
     * @param endpointId an endpoint
     * @param beforeId   only deliveries with a smaller id (the cursor; null: from the newest)
     * @param limit      at most this many
     * @return the endpoint's deliveries, newest first
     */
    public List<WebhookDeliveryEntity> page(long endpointId, Long beforeId, int limit) {
        if (beforeId == null) {
            return find("endpointId = ?1 order by id desc", endpointId).page(0, limit).list();
        }
        return find("endpointId = ?1 and id < ?2 order by id desc", endpointId, beforeId).page(0, limit).list();
    }
}
