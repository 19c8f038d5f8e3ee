package io.moderato;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Test helper: follows a job through the admin API. */
public final class Jobs {

    private Jobs() {
    }

    /**
     * @param jobId   a job
     * @param until   what to wait for
     * @param timeout how long at most
     * @return the job as it was when the condition held
     */
    public static JsonPath await(String jobId, Predicate<JsonPath> until, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonPath job = TestKeys.asAdmin().get("/api/v1/admin/jobs/{id}", jobId).then().statusCode(200)
                    .extract().jsonPath();
            if (until.test(job)) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + jobId + " did not get there within " + timeout + ": " + job.prettify());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * @param jobId a job
     * @return the job once it has finished (within five minutes)
     */
    public static JsonPath finished(String jobId) {
        return await(jobId, job -> java.util.List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.getString("status")),
                Duration.ofMinutes(5));
    }
}
