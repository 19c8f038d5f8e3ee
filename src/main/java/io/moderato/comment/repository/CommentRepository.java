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

    /** @return the ids of the sites that have comments */
    public List<String> siteIds() {
        return getEntityManager().createQuery("select distinct c.siteId from CommentEntity c", String.class).getResultList();
    }
}
