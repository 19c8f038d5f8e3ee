package io.moderato.webhook;

import io.moderato.comment.CommentStatusChanged;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events an endpoint can subscribe to. */
public enum WebhookEventType {
    /** A new comment got its first status from the policy (APPROVED, REVIEW or REJECTED). */
    RECEIVED("comment.received"),
    /** A comment entered the review queue. */
    QUEUED("comment.queued"),
    /** A comment left the review queue (decided by a moderator, or re-scored after an edit). */
    UNQUEUED("comment.unqueued"),
    /** A moderator (any actor but the machine) changed a comment's status: a decision or the undo of one. */
    DECIDED("comment.decided"),
    /** A re-scoring job scored the comment with a newer model and the site's policy gave it another status. */
    RESCORED("comment.rescored");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name in payloads and in the admin API, e.g. {@code comment.queued} */
    public String wireName() {
        return wireName;
    }

    /**
     * @param name a wire name
     * @return the event type, if known
     */
    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /**
     * @param change       a comment's status change
     * @param machineActor the actor the policy records for its own decisions
     * @return the events it amounts to (one change may be several, e.g. unqueued and decided, or
     *         received and queued)
     */
    public static List<WebhookEventType> of(CommentStatusChanged change, String machineActor) {
        List<WebhookEventType> types = new ArrayList<>(3);
        if (change.previousStatus() == null) {
            types.add(RECEIVED);
        }
        if (change.enteredQueue()) {
            types.add(QUEUED);
        }
        if (change.leftQueue()) {
            types.add(UNQUEUED);
        }
        if (!machineActor.equals(change.actor())) {
            types.add(DECIDED);
        }
        if (change.rescored()) {
            types.add(RESCORED);
        }
        return types;
    }
}
