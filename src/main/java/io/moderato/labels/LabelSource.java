package io.moderato.labels;

/** Where a site label came from. */
public enum LabelSource {
    /** A moderator's decision on a comment (withdrawn again by an undo). */
    DECISION,
    /** A Perspective {@code comments:suggestscore} suggestion sent with the site as its community id. */
    FEEDBACK,
    /** A labelled file imported through the API or the import command. */
    IMPORT
}
