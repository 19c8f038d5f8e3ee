package io.moderato.jobs;

/** Where a job is. */
public enum JobStatus {
    /** Accepted, not started yet. */
    QUEUED,
    /** Running on its owner instance. */
    RUNNING,
    /** Done; its result says what it did. */
    SUCCEEDED,
    /** Stopped by an error, or its instance stopped beating; its result says why. */
    FAILED,
    /** Stopped on request; it left nothing behind. */
    CANCELLED;

    /** @return true for a job that will not change any more */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
