package io.moderato.jobs.service;

import java.util.Optional;

/** What a job's work sees of its job: where to report progress, whether to stop, and its request and checkpoint. */
public interface JobContext {

    /** @return the job's id */
    String jobId();

    /**
     * Records how far the work is (at most about once a second reaches the database) and stops the work when the
     * job was cancelled meanwhile.
     *
     * @param phase    what the work is doing now
     * @param fraction how much of it is done, 0 to 1
     * @throws io.moderato.jobs.JobCancelledException when the job was asked to stop
     */
    void report(String phase, double fraction);

    /** @throws io.moderato.jobs.JobCancelledException when the job was asked to stop */
    void checkCancelled();

    /** @return what the job was asked to do (JSON), as given to {@link JobService#create(io.moderato.jobs.JobType, String, String, String)} */
    default String request() {
        return null;
    }

    /**
     * @return the job's last committed checkpoint (JSON): empty on its first run, else where the run before it (on
     *         this or another instance) stopped
     */
    default Optional<String> checkpoint() {
        return Optional.empty();
    }

    /**
     * Writes the job's checkpoint in the caller's transaction, so a page of work and the checkpoint after it commit
     * together.
     *
     * @param checkpoint where the work is now (JSON)
     * @throws io.moderato.jobs.JobLostException when another instance has taken the job over (the caller's
     *                                           transaction must then roll back)
     */
    default void saveCheckpoint(String checkpoint) {
        throw new UnsupportedOperationException("this job keeps no checkpoint");
    }
}
