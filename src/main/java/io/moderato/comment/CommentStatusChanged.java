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
 */
public record CommentStatusChanged(String siteId, String commentId, CommentStatus previousStatus,
                                   CommentStatus newStatus, String actor, Instant at) {

    /** @return true when the comment entered the review queue */
    public boolean enteredQueue() {
        return newStatus == CommentStatus.REVIEW && previousStatus != CommentStatus.REVIEW;
    }

    /** @return true when the comment left the review queue */
    public boolean leftQueue() {
        return previousStatus == CommentStatus.REVIEW && newStatus != CommentStatus.REVIEW;
    }
}
