package io.moderato.review;

import io.moderato.classification.Attribute;
import io.moderato.comment.CommentStatus;

/**
 * What a moderator asks of a queue.
 *
 * @param siteId    the site
 * @param status    which comments (REVIEW for the held ones)
 * @param topic     only comments tagged with this IPTC code (null: all)
 * @param attribute only comments at or above the site's review threshold for this attribute (null: all)
 * @param articleId only this article's comments (null: all)
 * @param sort      the order
 * @param cursor    where the previous page ended (null: the start)
 * @param limit     page size
 */
public record QueueQuery(String siteId, CommentStatus status, String topic, Attribute attribute, String articleId,
                         QueueSort sort, QueueCursor cursor, int limit) {
}
