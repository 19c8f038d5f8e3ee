package io.moderato.jobs;

/** What a job does. */
public enum JobType {
    /** Imports a site's labelled file. */
    IMPORT,
    /** Trains a bundle (the shared one, or a site's). */
    TRAINING,
    /** Re-scores stored comments with the live bundles, page by page from a checkpoint. */
    RESCORE;

    /**
     * @return true for work that commits a checkpoint as it goes: when its replica dies, another replica takes the
     *         job over and goes on from the checkpoint instead of the job being FAILED
     */
    public boolean resumable() {
        return this == RESCORE;
    }
}
