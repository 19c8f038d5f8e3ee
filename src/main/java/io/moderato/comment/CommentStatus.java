package io.moderato.comment;

import io.moderato.policy.Decision;

/** Where a comment stands. */
public enum CommentStatus {
    /** Held for a moderator. */
    REVIEW,
    /** Published. */
    APPROVED,
    /** Refused. */
    REJECTED;

    /**
     * @param decision a policy or moderator decision
     * @return the status it leads to
     */
    public static CommentStatus of(Decision decision) {
        return switch (decision) {
            case APPROVE -> APPROVED;
            case REVIEW -> REVIEW;
            case REJECT -> REJECTED;
        };
    }
}
