package io.moderato.jobs.service;

/** What a job's work sees of its job: where to report progress, and whether to stop. */
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
}
