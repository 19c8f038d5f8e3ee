package io.moderato.policy;

/** What to do with comments that contain links. */
public enum LinkAction {
    /** Links are fine. */
    ALLOW,
    /** Hold comments with links for review. */
    REVIEW,
    /** Reject comments with links. */
    REJECT
}
