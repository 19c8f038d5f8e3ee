package io.moderato.review;

import io.moderato.comment.repository.CommentEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query behind a queue page: HQL with every request value bound as a parameter (only column names chosen from
 * the attribute enum are part of the text). Every order ends with the comment's id, and a cursor continues strictly
 * after the last item seen, so pages neither skip nor repeat.
 *
 * @param hql        the query
 * @param parameters its parameters by name
 */
public record QueueStatement(String hql, Map<String, Object> parameters) {

    /**
     * @param query     the queue and page wanted
     * @param threshold the site's review threshold for {@code query.attribute()} (ignored without an attribute)
     * @return the statement
     */
    public static QueueStatement of(QueueQuery query, double threshold) {
        List<String> where = new ArrayList<>(List.of("c.siteId = :site", "c.status = :status"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("site", query.siteId());
        parameters.put("status", query.status());
        String from = "from CommentEntity c";
        if (query.topic() != null) {
            from += " join c.topicScores t";
            where.add("key(t) = :topic");
            parameters.put("topic", query.topic());
        }
        if (query.articleId() != null) {
            where.add("c.articleId = :article");
            parameters.put("article", query.articleId());
        }
        String scoreColumn = "c.maxScore";
        if (query.attribute() != null) {
            scoreColumn = "c." + CommentEntity.scoreColumn(query.attribute());
            where.add(scoreColumn + " >= :threshold");
            parameters.put("threshold", threshold);
        }
        String order;
        if (query.sort() == QueueSort.TIME) {
            order = " order by c.receivedAt asc, c.id asc";
            if (query.cursor() != null) {
                where.add("(c.receivedAt > :after or (c.receivedAt = :after and c.id > :afterId))");
                parameters.put("after", Instant.EPOCH.plus((long) query.cursor().key(), ChronoUnit.MICROS));
                parameters.put("afterId", query.cursor().id());
            }
        } else {
            order = " order by " + scoreColumn + " desc, c.id asc";
            if (query.cursor() != null) {
                where.add("(" + scoreColumn + " < :after or (" + scoreColumn + " = :after and c.id > :afterId))");
                parameters.put("after", query.cursor().key());
                parameters.put("afterId", query.cursor().id());
            }
        }
        return new QueueStatement("select c " + from + " where " + String.join(" and ", where) + order,
                Collections.unmodifiableMap(parameters));
    }
}
