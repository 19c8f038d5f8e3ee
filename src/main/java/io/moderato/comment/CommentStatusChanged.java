package io.moderato.comment;

import java.time.Instant;

/**
 * Fired (as a CDI event, inside the transaction that made the change) whenever a comment's status changes or a
 * new comment gets its first status; webhooks listen to it.
 *
 * @param siteId         the site
 * @param commentId      the site's comment id
 * @param previousStatus status before, null for a new comment
 * @param newStatus      status after
 * @param actor          who changed it ("moderato" for the policy)
 * @param at             when
 * @param cause          what made the change, when it is not an ingest, edit or moderator's action:
 *                       {@link #RESCORE} for a re-scoring job; else null
 */
public record CommentStatusChanged(String siteId, String commentId, CommentStatus previousStatus,
                                   CommentStatus newStatus, String actor, Instant at, String cause) {

    /** The cause of a change made by a re-scoring job (the policy applied to a newer model's scores). */
    public static final String RESCORE = "rescore";

    /**
     * A change by an ingest, an edit or a moderator.
     *
     * @param siteId         the site
     * @param commentId      the site's comment id
     * @param previousStatus status before, null for a new comment
     * @param newStatus      status after
     * @param actor          who changed it ("moderato" for the policy)
     * @param at             when
     */
    public CommentStatusChanged(String siteId, String commentId, CommentStatus previousStatus, CommentStatus newStatus,
                                String actor, Instant at) {
        this(siteId, commentId, previousStatus, newStatus, actor, at, null);
    }

    /** @return true when a re-scoring job made the change */
    public boolean rescored() {
        return RESCORE.equals(cause);
    }

    /** @return true when the comment entered the review queue */
    public boolean enteredQueue() {
        return newStatus == CommentStatus.REVIEW && previousStatus != CommentStatus.REVIEW;
    }

    /** @return true when the comment left the review queue */
    public boolean leftQueue() {
        return previousStatus == CommentStatus.REVIEW && newStatus != CommentStatus.REVIEW;
    }
}
