package io.moderato.jobs.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.jobs.repository.JobEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A job as the API shows it.
 *
 * @param id         its id
 * @param type       IMPORT, TRAINING or RESCORE
 * @param siteId     the site it is for, or null
 * @param status     QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param progress   0 to 1
 * @param phase      what it is doing now
 * @param etaSeconds estimated seconds left, when known
 * @param result     what it did (an import's counts and errors, a training's model version and gate report), or
 *                   why it failed
 * @param createdBy  who started it
 * @param createdAt  when
 * @param finishedAt when it finished, or null
 * @param request    what it was asked to do (a re-scoring's site and period), or null
 * @param checkpoint how far a resumable job got, as last committed (where another instance would resume it), or null
 */
public record JobView(String id, String type, String siteId, String status, double progress, String phase,
                      Long etaSeconds, JsonNode result, String createdBy, Instant createdAt, Instant finishedAt,
                      JsonNode request, JsonNode checkpoint) {

    /**
     * @param job  a job row
     * @param json to read its result
     * @return the view
     */
    public static JobView of(JobEntity job, ObjectMapper json) {
        try {
            return new JobView(job.id, job.type.name(), job.siteId, job.status.name(), job.progress, job.phase,
                    job.etaSeconds, job.result == null ? null : json.readTree(job.result), job.createdBy,
                    job.createdAt, job.finishedAt, job.request == null ? null : json.readTree(job.request),
                    job.checkpoint == null ? null : json.readTree(job.checkpoint));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
