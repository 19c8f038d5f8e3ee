package io.moderato.comment.repository;

import io.moderato.comment.CommentStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Comments by site and the site's own id, by author and by article. */
@ApplicationScoped
public class CommentRepository implements PanacheRepository<CommentEntity> {

    /**
     * @param siteId     the site
     * @param externalId the site's comment id
     * @return the comment
     */
    public Optional<CommentEntity> findBySiteAndExternalId(String siteId, String externalId) {
        return find("siteId = ?1 and externalId = ?2", siteId, externalId).firstResultOptional();
    }

    /**
     * @param siteId   the site
     * @param authorId the author
     * @return how many of the author's comments are approved
     */
    public long countApproved(String siteId, String authorId) {
        return count("siteId = ?1 and authorId = ?2 and status = ?3", siteId, authorId, CommentStatus.APPROVED);
    }

    /**
     * @param siteId   the site
     * @param authorId the author
     * @param limit    how many
     * @return the author's latest comments, newest first
     */
    public List<CommentEntity> latestByAuthor(String siteId, String authorId, int limit) {
        return find("siteId = ?1 and authorId = ?2 order by receivedAt desc, id desc", siteId, authorId).page(0, limit).list();
    }

    /**
     * The status of one of an author's comments, read without loading the comment.
     *
     * @param externalId the site's comment id
     * @param status     its status
     */
    public record RecentStatus(String externalId, CommentStatus status) {
    }

    /**
     * Reads two columns only, on the ingest path: loading whole comments would also make Hibernate hold and
     * dirty-check each of them until the ingest commits.
     *
     * @param siteId   the site
     * @param authorId the author
     * @param limit    how many
     * @return the statuses of the author's latest comments, newest first
     */
    public List<RecentStatus> latestStatusesByAuthor(String siteId, String authorId, int limit) {
        return getEntityManager().createQuery("select c.externalId, c.status from CommentEntity c where c.siteId = :site "
                        + "and c.authorId = :author order by c.receivedAt desc, c.id desc", RecentStatus.class)
                .setParameter("site", siteId).setParameter("author", authorId).setMaxResults(limit).getResultList();
    }

    /**
     * An existence query (first match only) rather than Panache's {@code count}, which builds a new count query
     * plan on every call.
     *
     * @param siteId      the site
     * @param authorId    the author
     * @param fingerprint the normalised text's fingerprint
     * @param since       how far back to look
     * @param externalId  the comment being checked, not counted
     * @return true when the author posted the same text since then
     */
    public boolean isRepeat(String siteId, String authorId, String fingerprint, Instant since, String externalId) {
        return !getEntityManager().createQuery("select c.id from CommentEntity c where c.siteId = :site and c.authorId = :author "
                        + "and c.textFingerprint = :fp and c.receivedAt >= :since and c.externalId <> :id", Long.class)
                .setParameter("site", siteId).setParameter("author", authorId).setParameter("fp", fingerprint)
                .setParameter("since", since).setParameter("id", externalId).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * @param siteId    the site
     * @param articleId the article
     * @param limit     how many at most
     * @return the article's comments in the order they were written
     */
    public List<CommentEntity> thread(String siteId, String articleId, int limit) {
        return find("siteId = ?1 and articleId = ?2 order by createdAt, id", siteId, articleId).page(0, limit).list();
    }

    /**
     * @param siteId   the site
     * @param authorId the author
     * @return the author's comment counts by status
     */
    public java.util.Map<CommentStatus, Long> countsByStatus(String siteId, String authorId) {
        java.util.Map<CommentStatus, Long> counts = new java.util.EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        getEntityManager().createQuery("select c.status, count(c) from CommentEntity c where c.siteId = :site"
                        + " and c.authorId = :author group by c.status", Object[].class)
                .setParameter("site", siteId).setParameter("author", authorId)
                .getResultList()
                .forEach(row -> counts.put((CommentStatus) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * Facts as they stood when a comment arrived, for re-deciding it: counts only the author's comments received
     * before it.
     *
     * @param siteId   the site
     * @param authorId the author
     * @param before   when the comment was received
     * @return how many of the author's earlier comments are approved
     */
    public long countApprovedBefore(String siteId, String authorId, Instant before) {
        return getEntityManager().createQuery("select count(c) from CommentEntity c where c.siteId = :site and "
                        + "c.authorId = :author and c.status = :status and c.receivedAt < :before", Long.class)
                .setParameter("site", siteId).setParameter("author", authorId)
                .setParameter("status", CommentStatus.APPROVED).setParameter("before", before).getSingleResult();
    }

    /**
     * @param siteId   the site
     * @param authorId the author
     * @param before   when the comment being re-decided was received
     * @param limit    how many
     * @return the statuses of the author's latest comments received before then, newest first
     */
    public List<RecentStatus> latestStatusesByAuthorBefore(String siteId, String authorId, Instant before, int limit) {
        return getEntityManager().createQuery("select c.externalId, c.status from CommentEntity c where c.siteId = :site "
                        + "and c.authorId = :author and c.receivedAt < :before order by c.receivedAt desc, c.id desc",
                        RecentStatus.class)
                .setParameter("site", siteId).setParameter("author", authorId).setParameter("before", before)
                .setMaxResults(limit).getResultList();
    }

    /**
     * @param siteId      the site
     * @param authorId    the author
     * @param fingerprint the normalised text's fingerprint
     * @param since       start of the repeat window
     * @param until       when the comment being re-decided was received (the window's end)
     * @param externalId  that comment, not counted
     * @return true when the author posted the same text within the window
     */
    public boolean isRepeatWithin(String siteId, String authorId, String fingerprint, Instant since, Instant until,
                                  String externalId) {
        return !getEntityManager().createQuery("select c.id from CommentEntity c where c.siteId = :site and c.authorId = :author "
                        + "and c.textFingerprint = :fp and c.receivedAt >= :since and c.receivedAt <= :until "
                        + "and c.externalId <> :id", Long.class)
                .setParameter("site", siteId).setParameter("author", authorId).setParameter("fp", fingerprint)
                .setParameter("since", since).setParameter("until", until).setParameter("id", externalId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * What a re-scoring reads of a comment: enough to classify it and to know it has not changed since.
     *
     * @param id           the database id
     * @param siteId       the site
     * @param receivedAt   when it arrived (the keyset's second column)
     * @param revision     its text revision
     * @param text         its text
     * @param articleTitle its article's headline, or null
     * @param modelVersion the bundle that scored it last
     */
    public record RescoreItem(long id, String siteId, Instant receivedAt, int revision, String text, String articleTitle,
                              String modelVersion) {
    }

    /**
     * One page of a re-scoring, in keyset order (site, time received, id) after the given position.
     *
     * @param siteId        only this site, or null for every site
     * @param from          received at or after (inclusive)
     * @param to            received before (exclusive)
     * @param afterSite     the keyset position's site, or null to start at the beginning
     * @param afterReceived the position's time received
     * @param afterId       the position's id
     * @param limit         the page size
     * @return the page
     */
    public List<RescoreItem> rescorePage(String siteId, Instant from, Instant to, String afterSite, Instant afterReceived,
                                         long afterId, int limit) {
        StringBuilder query = new StringBuilder("select c.id, c.siteId, c.receivedAt, c.revision, c.text, c.articleTitle, "
                + "c.modelVersion from CommentEntity c where c.receivedAt >= :from and c.receivedAt < :to");
        if (siteId != null) {
            query.append(" and c.siteId = :site");
        }
        if (afterSite != null) {
            query.append(" and (c.siteId > :afterSite or (c.siteId = :afterSite and (c.receivedAt > :afterReceived"
                    + " or (c.receivedAt = :afterReceived and c.id > :afterId))))");
        }
        query.append(" order by c.siteId, c.receivedAt, c.id");
        var typed = getEntityManager().createQuery(query.toString(), RescoreItem.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit);
        if (siteId != null) {
            typed.setParameter("site", siteId);
        }
        if (afterSite != null) {
            typed.setParameter("afterSite", afterSite).setParameter("afterReceived", afterReceived)
                    .setParameter("afterId", afterId);
        }
        return typed.getResultList();
    }

    /**
     * @param siteId only this site, or null for every site
     * @param from   received at or after
     * @param to     received before
     * @return how many comments a re-scoring of that period reads
     */
    public long countReceived(String siteId, Instant from, Instant to) {
        var query = getEntityManager().createQuery("select count(c) from CommentEntity c where c.receivedAt >= :from "
                + "and c.receivedAt < :to" + (siteId == null ? "" : " and c.siteId = :site"), Long.class)
                .setParameter("from", from).setParameter("to", to);
        if (siteId != null) {
            query.setParameter("site", siteId);
        }
        return query.getSingleResult();
    }

    /**
     * Locks comments for an update, in id order (so two writers never wait on each other in a cycle).
     *
     * @param ids database ids
     * @return the comments, locked until the transaction ends
     */
    public List<CommentEntity> lockAll(List<Long> ids) {
        return getEntityManager().createQuery("select c from CommentEntity c where c.id in :ids order by c.id",
                        CommentEntity.class)
                .setParameter("ids", ids).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** @return the ids of the sites that have comments */
    public List<String> siteIds() {
        return getEntityManager().createQuery("select distinct c.siteId from CommentEntity c", String.class).getResultList();
    }
}
