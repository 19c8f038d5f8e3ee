package io.moderato.review;

/** Queue orders. */
public enum QueueSort {
    /** Highest attribute score first (the chosen attribute's when filtering by one). */
    SCORE,
    /** Oldest first: the order of arrival. */
    TIME
}
