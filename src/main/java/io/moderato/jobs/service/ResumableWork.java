package io.moderato.jobs.service;

import io.moderato.jobs.JobType;

/**
 * The work of a resumable job type, as a CDI bean: when the instance running such a job dies, the instance that
 * notices takes the job over and runs this work again; the work reads the job's request and checkpoint from its
 * {@link JobContext} and goes on from there.
 */
public interface ResumableWork extends JobService.Work {

    /** @return the job type this work does ({@link JobType#resumable()}) */
    JobType type();
}
