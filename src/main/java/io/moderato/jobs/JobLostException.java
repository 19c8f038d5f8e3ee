package io.moderato.jobs;

/**
 * Thrown inside a job's work when its instance no longer owns the job: it was silent for too long (a long pause)
 * and another instance took the job over. The work stops and leaves the job's row to its new owner; what it was
 * committing with its checkpoint is rolled back.
 */
public class JobLostException extends RuntimeException {

    /** @param jobId the job that another instance took over */
    public JobLostException(String jobId) {
        super("job " + jobId + " was taken over by another instance");
    }
}
