package io.moderato.jobs;

/** Thrown inside a job's work when it was asked to stop: the work unwinds, undoing what it started. */
public class JobCancelledException extends RuntimeException {

    /** @param jobId the job that was cancelled */
    public JobCancelledException(String jobId) {
        super("job " + jobId + " was cancelled");
    }
}
