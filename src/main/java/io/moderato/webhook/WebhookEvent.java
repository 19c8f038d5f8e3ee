package io.moderato.webhook;

import io.moderato.comment.CommentStatusChanged;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One event about a comment, as webhooks POST it and as the Kafka topic {@code moderato.decisions} carries it.
 *
 * @param id             unique per event (the same for every endpoint and attempt): receivers deduplicate on it
 * @param type           e.g. {@code comment.queued}
 * @param occurredAt     when the comment changed
 * @param siteId         the site
 * @param commentId      the site's comment id
 * @param previousStatus status before (null for a new comment)
 * @param newStatus      status after
 * @param actor          who changed it ({@code moderato} for the policy)
 */
public record WebhookEvent(String id, String type, Instant occurredAt, String siteId, String commentId,
                           String previousStatus, String newStatus, String actor) {

    /**
     * @param change a comment's status change
     * @param type   one of the event types it amounts to
     * @return the event, with a new random id
     */
    public static WebhookEvent of(CommentStatusChanged change, WebhookEventType type) {
        return new WebhookEvent(UUID.randomUUID().toString(), type.wireName(),
                change.at().truncatedTo(ChronoUnit.MICROS), change.siteId(), change.commentId(),
                change.previousStatus() == null ? null : change.previousStatus().name(),
                change.newStatus().name(), change.actor());
    }
}
