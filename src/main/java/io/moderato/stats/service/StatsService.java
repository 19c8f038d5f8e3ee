package io.moderato.stats.service;

import io.moderato.audit.service.AuditLog;
import io.moderato.classification.Attribute;
import io.moderato.classification.Topic;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.repository.CommentEntity;
import io.moderato.policy.Decision;
import io.moderato.policy.SitePolicy;
import io.moderato.policy.service.PolicyService;
import io.moderato.stats.BucketSize;
import io.moderato.stats.Median;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a site's dashboard figures with aggregate queries (HQL that Hibernate renders for H2 and PostgreSQL
 * alike). Buckets are numbered in the query from the epoch seconds of each comment, which both databases compute
 * the same way, instead of date truncation, which they spell differently. Medians are taken in Java.
 */
@ApplicationScoped
public class StatsService {

    private static final int TOP_ARTICLES = 10;
    private static final String IN_PERIOD = " c.siteId = :site and c.receivedAt >= :from and c.receivedAt < :to ";

    private final EntityManager em;
    private final PolicyService policies;

    public StatsService(EntityManager em, PolicyService policies) {
        this.em = em;
        this.policies = policies;
    }

    /**
     * @param siteId the site
     * @param from   start (inclusive)
     * @param to     end (exclusive), after from
     * @param bucket the bucket size
     * @return the figures
     */
    @Transactional
    public DashboardStats stats(String siteId, Instant from, Instant to, BucketSize bucket) {
        return new DashboardStats(siteId, from, to, bucket.name().toLowerCase(), buckets(siteId, from, to, bucket),
                byAttribute(siteId, from, to), byTopic(siteId, from, to), mostToxicArticles(siteId, from, to),
                moderators(siteId, from, to), queue(siteId, Instant.now()));
    }

    private <T> TypedQuery<T> inPeriod(String hql, Class<T> type, String siteId, Instant from, Instant to) {
        return em.createQuery(hql, type).setParameter("site", siteId).setParameter("from", from).setParameter("to", to);
    }

    private List<DashboardStats.Bucket> buckets(String siteId, Instant from, Instant to, BucketSize size) {
        Instant first = size.startOf(from);
        int count = (int) size.count(from, to);
        long firstIndex = size.index(first);
        // Each comment's bucket counted from the epoch; the width is the enum's constant (3600 or 86400), never a
        // request value, and the same literal in select and group by keeps PostgreSQL content. The offset of the
        // period's first bucket is subtracted here, in Java.
        String index = "floor(extract(epoch from c.receivedAt) / " + size.length().toSeconds() + ")";
        List<Object[]> rows = inPeriod("select " + index + ", c.status, c.machineDecision, count(c) from CommentEntity c where"
                + IN_PERIOD + "group by " + index + ", c.status, c.machineDecision", Object[].class, siteId, from, to).getResultList();
        List<Map<String, Long>> byStatus = new ArrayList<>(count);
        List<Map<String, Long>> byDecision = new ArrayList<>(count);
        long[] received = new long[count];
        for (int i = 0; i < count; i++) {
            byStatus.add(zeros(CommentStatus.values()));
            byDecision.add(zeros(Decision.values()));
        }
        for (Object[] row : rows) {
            int i = (int) (((Number) row[0]).longValue() - firstIndex);
            long n = ((Number) row[3]).longValue();
            received[i] += n;
            byStatus.get(i).merge(((CommentStatus) row[1]).name(), n, Long::sum);
            byDecision.get(i).merge(((Decision) row[2]).name(), n, Long::sum);
        }
        List<DashboardStats.Bucket> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new DashboardStats.Bucket(first.plus(size.length().multipliedBy(i)), received[i],
                    byStatus.get(i), byDecision.get(i)));
        }
        return buckets;
    }

    private static Map<String, Long> zeros(Enum<?>[] keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> key : keys) {
            map.put(key.name(), 0L);
        }
        return map;
    }

    private List<DashboardStats.AttributeCount> byAttribute(String siteId, Instant from, Instant to) {
        SitePolicy policy = policies.evaluator(siteId).policy();
        Map<Attribute, Double> thresholds = new LinkedHashMap<>();
        for (Attribute attribute : Attribute.values()) {
            SitePolicy.Thresholds t = policy.thresholds().get(attribute.key());
            Double threshold = t == null ? null : t.review() != null ? t.review() : t.reject();
            if (threshold != null) {
                thresholds.put(attribute, threshold);
            }
        }
        Map<Attribute, Long> counts = new LinkedHashMap<>();
        if (!thresholds.isEmpty()) {
            List<String> sums = new ArrayList<>();
            for (Attribute attribute : thresholds.keySet()) {
                sums.add("sum(case when c." + CommentEntity.scoreColumn(attribute) + " >= :" + attribute.key() + " then 1 else 0 end)");
            }
            TypedQuery<Object[]> query = inPeriod("select " + String.join(", ", sums) + " from CommentEntity c where" + IN_PERIOD,
                    Object[].class, siteId, from, to);
            thresholds.forEach((attribute, threshold) -> query.setParameter(attribute.key(), threshold));
            Object[] row = query.getSingleResult();
            int i = 0;
            for (Attribute attribute : thresholds.keySet()) {
                counts.put(attribute, row[i] == null ? 0 : ((Number) row[i]).longValue());
                i++;
            }
        }
        List<DashboardStats.AttributeCount> result = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            result.add(new DashboardStats.AttributeCount(attribute.key(), thresholds.get(attribute), counts.getOrDefault(attribute, 0L)));
        }
        return result;
    }

    private List<DashboardStats.TopicCount> byTopic(String siteId, Instant from, Instant to) {
        return inPeriod("select key(t), count(c) from CommentEntity c join c.topicScores t where" + IN_PERIOD
                + "group by key(t) order by count(c) desc, key(t)", Object[].class, siteId, from, to).getResultList().stream()
                .map(row -> {
                    String code = (String) row[0];
                    return new DashboardStats.TopicCount(code, Topic.fromCode(code).map(Topic::label).orElse(code),
                            ((Number) row[1]).longValue());
                }).toList();
    }

    private List<DashboardStats.ArticleCount> mostToxicArticles(String siteId, Instant from, Instant to) {
        String held = "sum(case when c.status = :review then 1 else 0 end)";
        String rejected = "sum(case when c.status = :rejected then 1 else 0 end)";
        String flagged = "sum(case when c.status <> :approved then 1 else 0 end)";
        return inPeriod("select c.articleId, max(c.articleTitle), max(c.articleUrl), count(c), " + held + ", " + rejected
                        + ", avg(c.toxicity) from CommentEntity c where" + IN_PERIOD + "group by c.articleId having " + flagged
                        + " > 0 order by " + flagged + " desc, avg(c.toxicity) desc, c.articleId", Object[].class, siteId, from, to)
                .setParameter("review", CommentStatus.REVIEW).setParameter("rejected", CommentStatus.REJECTED)
                .setParameter("approved", CommentStatus.APPROVED)
                .setMaxResults(TOP_ARTICLES).getResultList().stream()
                .map(row -> new DashboardStats.ArticleCount((String) row[0], (String) row[1], (String) row[2],
                        ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), ((Number) row[5]).longValue(),
                        ((Number) row[6]).doubleValue()))
                .toList();
    }

    private DashboardStats.Moderators moderators(String siteId, Instant from, Instant to) {
        String decided = " a.action = :decided and a.siteId = :site and a.recordedAt >= :from and a.recordedAt < :to ";
        List<Object[]> counts = em.createQuery("select a.actor, a.newStatus, count(a) from AuditEntryEntity a where" + decided
                        + "group by a.actor, a.newStatus", Object[].class)
                .setParameter("decided", AuditLog.DECIDED).setParameter("site", siteId).setParameter("from", from)
                .setParameter("to", to).getResultList();
        // Time to decision needs each decision's comment; medians are no portable SQL aggregate.
        List<Object[]> times = em.createQuery("select a.actor, c.receivedAt, a.recordedAt from AuditEntryEntity a "
                        + "join CommentEntity c on c.siteId = a.siteId and c.externalId = a.commentId where" + decided, Object[].class)
                .setParameter("decided", AuditLog.DECIDED).setParameter("site", siteId).setParameter("from", from)
                .setParameter("to", to).getResultList();
        Map<String, long[]> tally = new TreeMap<>();
        for (Object[] row : counts) {
            long[] t = tally.computeIfAbsent((String) row[0], k -> new long[3]);
            long n = ((Number) row[2]).longValue();
            t[0] += n;
            if (CommentStatus.APPROVED.name().equals(row[1])) {
                t[1] += n;
            } else if (CommentStatus.REJECTED.name().equals(row[1])) {
                t[2] += n;
            }
        }
        Map<String, List<Double>> seconds = new TreeMap<>();
        List<Double> all = new ArrayList<>();
        for (Object[] row : times) {
            double s = secondsBetween((Instant) row[1], (Instant) row[2]);
            seconds.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(s);
            all.add(s);
        }
        List<DashboardStats.Moderator> byModerator = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, long[]> e : tally.entrySet()) {
            long[] t = e.getValue();
            total += t[0];
            byModerator.add(new DashboardStats.Moderator(e.getKey(), t[0], t[1], t[2],
                    median(seconds.getOrDefault(e.getKey(), List.of()))));
        }
        byModerator.sort(Comparator.comparingLong(DashboardStats.Moderator::decisions).reversed()
                .thenComparing(DashboardStats.Moderator::actor));
        return new DashboardStats.Moderators(total, median(all), byModerator);
    }

    private DashboardStats.Queue queue(String siteId, Instant now) {
        String inQueue = "from CommentEntity c where c.siteId = :site and c.status = :review";
        long size = em.createQuery("select count(c) " + inQueue, Long.class)
                .setParameter("site", siteId).setParameter("review", CommentStatus.REVIEW).getSingleResult();
        if (size == 0) {
            return new DashboardStats.Queue(0, null, null);
        }
        // The median item sits in the middle of the queue ordered by age: read one or two rows, not the queue.
        List<Instant> middle = em.createQuery("select c.receivedAt " + inQueue + " order by c.receivedAt, c.id", Instant.class)
                .setParameter("site", siteId).setParameter("review", CommentStatus.REVIEW)
                .setFirstResult((int) ((size - 1) / 2)).setMaxResults(size % 2 == 1 ? 1 : 2).getResultList();
        Instant oldest = em.createQuery("select min(c.receivedAt) " + inQueue, Instant.class)
                .setParameter("site", siteId).setParameter("review", CommentStatus.REVIEW).getSingleResult();
        return new DashboardStats.Queue(size, secondsBetween(oldest, now),
                median(middle.stream().map(t -> secondsBetween(t, now)).toList()));
    }

    private static Double median(List<Double> values) {
        return Median.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double secondsBetween(Instant start, Instant end) {
        return Duration.between(start, end).toNanos() / 1e9;
    }
}
