package io.moderato.jobs;

/** What a job does. */
public enum JobType {
    /** Imports a site's labelled file. */
    IMPORT,
    /** Trains a bundle (the shared one, or a site's). */
    TRAINING
}
