package io.moderato.review.service;

import io.moderato.classification.Attribute;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.CommentView;
import io.moderato.comment.repository.CommentEntity;
import io.moderato.comment.repository.CommentRepository;
import io.moderato.comment.service.CommentService;
import io.moderato.policy.SitePolicy;
import io.moderato.policy.service.PolicyService;
import io.moderato.review.QueueCursor;
import io.moderato.review.QueueQuery;
import io.moderato.review.QueueSort;
import io.moderato.review.QueueStatement;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.LockOptions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists queues with stable cursors, and claims batches of held comments for one moderator. A claim takes rows with
 * {@code FOR UPDATE SKIP LOCKED} where the database supports it (PostgreSQL), so concurrent claimers never wait on
 * each other, and sets the claim with a guarded update, so even without SKIP LOCKED no comment is claimed twice.
 */
@ApplicationScoped
public class QueueService {

    private final CommentRepository comments;
    private final CommentService views;
    private final PolicyService policies;
    private final EntityManager entityManager;

    public QueueService(CommentRepository comments, CommentService views, PolicyService policies, EntityManager entityManager) {
        this.comments = comments;
        this.views = views;
        this.policies = policies;
        this.entityManager = entityManager;
    }

    /**
     * A page of a queue.
     *
     * @param items      the comments
     * @param nextCursor where the next page starts; null at the end
     */
    public record QueuePage(List<CommentView> items, String nextCursor) {
    }

    /**
     * @param query the queue and page wanted
     * @return the page
     */
    @Transactional
    public QueuePage list(QueueQuery query) {
        double threshold = 0.5;
        if (query.attribute() != null) {
            SitePolicy.Thresholds thresholds = policies.get(query.siteId()).policy().thresholds().get(query.attribute().key());
            threshold = thresholds == null || thresholds.review() == null ? 0.5 : thresholds.review();
        }
        QueueStatement statement = QueueStatement.of(query, threshold);
        var typed = entityManager.createQuery(statement.hql(), CommentEntity.class);
        statement.parameters().forEach(typed::setParameter);
        List<CommentEntity> page = typed.setMaxResults(query.limit() + 1).getResultList();
        boolean more = page.size() > query.limit();
        List<CommentEntity> items = more ? page.subList(0, query.limit()) : page;
        String next = null;
        if (more) {
            CommentEntity last = items.get(items.size() - 1);
            double key = query.sort() == QueueSort.TIME
                    ? ChronoUnit.MICROS.between(Instant.EPOCH, last.receivedAt)
                    : (query.attribute() == null ? last.maxScore : last.scores().get(query.attribute()));
            next = new QueueCursor(query.sort(), key, last.id).encode();
        }
        return new QueuePage(items.stream().map(c -> views.view(c, false)).toList(), next);
    }

    /**
     * Claims up to {@code count} held comments of a site for one moderator, oldest first. Comments the moderator
     * already holds are claimed again (their claim is extended). Each call commits its own transaction.
     *
     * @param siteId    the site
     * @param moderator who claims
     * @param count     how many at most
     * @param duration  how long the claim lasts
     * @return the claimed comments
     */
    public List<CommentView> claim(String siteId, String moderator, int count, Duration duration) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant expires = now.plus(duration);
            List<CommentEntity> candidates = entityManager.createQuery(
                            "from CommentEntity c where c.siteId = :site and c.status = :status"
                                    + " and (c.claimedBy is null or c.claimExpiresAt < :now or c.claimedBy = :me)"
                                    + " order by c.receivedAt, c.id", CommentEntity.class)
                    .setParameter("site", siteId).setParameter("status", CommentStatus.REVIEW)
                    .setParameter("now", now).setParameter("me", moderator)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                    .setMaxResults(count)
                    .getResultList();
            List<CommentView> claimed = new ArrayList<>();
            for (CommentEntity candidate : candidates) {
                int updated = entityManager.createQuery("update CommentEntity c set c.claimedBy = :me, c.claimExpiresAt = :expires"
                                + " where c.id = :id and c.status = :status"
                                + " and (c.claimedBy is null or c.claimExpiresAt < :now or c.claimedBy = :me)")
                        .setParameter("me", moderator).setParameter("expires", expires).setParameter("id", candidate.id)
                        .setParameter("status", CommentStatus.REVIEW).setParameter("now", now)
                        .executeUpdate();
                if (updated == 1) {
                    entityManager.refresh(candidate);
                    claimed.add(views.view(candidate, false));
                }
            }
            return claimed;
        });
    }

    /**
     * Releases a moderator's claims on a site.
     *
     * @param siteId    the site
     * @param moderator whose claims
     * @return how many were released
     */
    @Transactional
    public int release(String siteId, String moderator) {
        return entityManager.createQuery("update CommentEntity c set c.claimedBy = null, c.claimExpiresAt = null"
                        + " where c.siteId = :site and c.claimedBy = :me")
                .setParameter("site", siteId).setParameter("me", moderator).executeUpdate();
    }

    /** @return the attribute named by a key, for query parsing */
    static Attribute attribute(String key) {
        return Attribute.fromKey(key).orElse(null);
    }
}
