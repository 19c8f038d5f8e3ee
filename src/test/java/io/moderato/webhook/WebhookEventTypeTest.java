package io.moderato.webhook;

import io.moderato.comment.CommentStatus;
import io.moderato.comment.CommentStatusChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookEventTypeTest {

    private static List<WebhookEventType> of(CommentStatus previous, CommentStatus next, String actor) {
        return WebhookEventType.of(new CommentStatusChanged("s", "c", previous, next, actor, Instant.EPOCH), "moderato");
    }

    @Test
    void aNewCommentIsReceivedAndQueuedWhenHeld() {
        assertEquals(List.of(WebhookEventType.RECEIVED, WebhookEventType.QUEUED), of(null, CommentStatus.REVIEW, "moderato"));
        assertEquals(List.of(WebhookEventType.RECEIVED), of(null, CommentStatus.APPROVED, "moderato"));
        assertEquals(List.of(WebhookEventType.RECEIVED), of(null, CommentStatus.REJECTED, "moderato"));
    }

    @Test
    void aModeratorsDecisionUnqueuesAndDecides() {
        assertEquals(List.of(WebhookEventType.UNQUEUED, WebhookEventType.DECIDED), of(CommentStatus.REVIEW, CommentStatus.REJECTED, "desk"));
        assertEquals(List.of(WebhookEventType.DECIDED), of(CommentStatus.APPROVED, CommentStatus.REJECTED, "desk"));
    }

    @Test
    void anEditThePolicyHoldsIsQueued() {
        assertEquals(List.of(WebhookEventType.QUEUED), of(CommentStatus.APPROVED, CommentStatus.REVIEW, "moderato"));
        assertEquals(List.of(WebhookEventType.UNQUEUED), of(CommentStatus.REVIEW, CommentStatus.APPROVED, "moderato"));
    }

    @Test
    void aRescoringThatChangesTheStatusIsRescoredAsWellAsQueuedOrUnqueued() {
        assertEquals(List.of(WebhookEventType.UNQUEUED, WebhookEventType.RESCORED), WebhookEventType.of(
                new CommentStatusChanged("s", "c", CommentStatus.REVIEW, CommentStatus.APPROVED, "moderato",
                        Instant.EPOCH, CommentStatusChanged.RESCORE), "moderato"));
        assertEquals(List.of(WebhookEventType.RESCORED), WebhookEventType.of(
                new CommentStatusChanged("s", "c", CommentStatus.APPROVED, CommentStatus.REJECTED, "moderato",
                        Instant.EPOCH, CommentStatusChanged.RESCORE), "moderato"));
        assertEquals(List.of(), of(CommentStatus.APPROVED, CommentStatus.REJECTED, "moderato"), "an edit's is not");
    }

    @Test
    void wireNamesReadBack() {
        for (WebhookEventType type : WebhookEventType.values()) {
            assertEquals(type, WebhookEventType.fromWireName(type.wireName()).orElseThrow());
        }
        assertEquals("comment.received", WebhookEventType.RECEIVED.wireName());
    }
}
