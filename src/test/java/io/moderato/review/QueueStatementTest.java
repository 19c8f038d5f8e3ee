package io.moderato.review;

import io.moderato.classification.Attribute;
import io.moderato.comment.CommentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a queue request becomes a query: filters, orders and cursors, with every request value bound. */
class QueueStatementTest {

    @Test
    void theDefaultQueueIsTheSitesHeldCommentsByScore() {
        QueueStatement s = QueueStatement.of(new QueueQuery("daily", CommentStatus.REVIEW, null, null, null, QueueSort.SCORE, null, 50), 0.5);
        assertEquals("select c from CommentEntity c where c.siteId = :site and c.status = :status order by c.maxScore desc, c.id asc", s.hql());
        assertEquals(Map.of("site", "daily", "status", CommentStatus.REVIEW), s.parameters());
    }

    @Test
    void filtersAddBoundConditions() {
        QueueStatement s = QueueStatement.of(new QueueQuery("daily", CommentStatus.APPROVED, "medtop:11000000", Attribute.INSULT,
                "art-1' or 1=1 --", QueueSort.SCORE, null, 10), 0.7);
        assertTrue(s.hql().contains(" join c.topicScores t "), s.hql());
        assertTrue(s.hql().contains("key(t) = :topic and c.articleId = :article and c.insult >= :threshold"), s.hql());
        assertTrue(s.hql().endsWith("order by c.insult desc, c.id asc"), s.hql());
        assertFalse(s.hql().contains("art-1"), "request values are never part of the text");
        assertEquals("art-1' or 1=1 --", s.parameters().get("article"));
        assertEquals(0.7, s.parameters().get("threshold"));
        assertEquals("medtop:11000000", s.parameters().get("topic"));
    }

    @Test
    void cursorsContinueStrictlyAfterTheLastItem() {
        QueueStatement byScore = QueueStatement.of(new QueueQuery("daily", CommentStatus.REVIEW, null, null, null, QueueSort.SCORE,
                new QueueCursor(QueueSort.SCORE, 0.8, 41), 50), 0.5);
        assertTrue(byScore.hql().contains("(c.maxScore < :after or (c.maxScore = :after and c.id > :afterId))"), byScore.hql());
        assertEquals(0.8, byScore.parameters().get("after"));
        assertEquals(41L, byScore.parameters().get("afterId"));
        QueueStatement byTime = QueueStatement.of(new QueueQuery("daily", CommentStatus.REVIEW, null, null, null, QueueSort.TIME,
                new QueueCursor(QueueSort.TIME, 1_764_000_000_123_456L, 7), 50), 0.5);
        assertTrue(byTime.hql().contains("(c.receivedAt > :after or (c.receivedAt = :after and c.id > :afterId))"), byTime.hql());
        assertTrue(byTime.hql().endsWith("order by c.receivedAt asc, c.id asc"), byTime.hql());
        assertEquals(Instant.parse("2025-11-24T16:00:00.123456Z"), byTime.parameters().get("after"));
    }
}
