package io.moderato.jobs.rest;

import io.moderato.TestKeys;
import io.moderato.jobs.JobStatus;
import io.moderato.jobs.JobType;
import io.moderato.jobs.repository.JobEntity;
import io.moderato.jobs.repository.JobRepository;
import io.moderato.jobs.service.JobService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jobs seen by several replicas sharing a database; run on H2 and on PostgreSQL. */
abstract class JobsContract {

    private static final String TRAIN = "/api/v1/admin/models:train";

    @Inject
    JobRepository repository;

    @Inject
    JobService jobs;

    /** A job row as another replica would have written it. */
    String otherReplicasJob(JobType type, JobStatus status, Instant heartbeat) {
        return QuarkusTransaction.requiringNew().call(() -> {
            JobEntity job = new JobEntity();
            job.id = UUID.randomUUID().toString();
            job.type = type;
            job.status = status;
            job.progress = 0.4;
            job.phase = "training the word model";
            job.ownerInstance = "replica-b";
            job.heartbeatAt = heartbeat;
            job.createdBy = "test";
            job.createdAt = heartbeat;
            repository.persist(job);
            return job.id;
        });
    }

    @Test
    void aJobWhoseInstanceStoppedBeatingIsFailed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String silent = otherReplicasJob(JobType.TRAINING, JobStatus.RUNNING, now.minus(10, ChronoUnit.MINUTES));
        String alive = otherReplicasJob(JobType.IMPORT, JobStatus.RUNNING, now);
        try {
            assertTrue(jobs.failSilent(now) >= 1);
            asAdmin().get("/api/v1/admin/jobs/{id}", silent).then().statusCode(200).body("status", equalTo("FAILED"))
                    .body("result.error", containsString("replica-b")).body("finishedAt", org.hamcrest.Matchers.notNullValue());
            asAdmin().get("/api/v1/admin/jobs/{id}", alive).then().statusCode(200).body("status", equalTo("RUNNING"))
                    .body("progress", equalTo(0.4f)).body("phase", equalTo("training the word model"));
            asAdmin().get("/api/v1/admin/jobs").then().statusCode(200).body("id", hasItem(alive));
        } finally {
            jobs.cancel(alive);
        }
        // Cancelling a job running elsewhere only asks its instance to stop; if that instance is gone, it fails.
        asAdmin().get("/api/v1/admin/jobs/{id}", alive).then().body("status", equalTo("RUNNING"));
        assertTrue(jobs.failSilent(Instant.now().plus(2, ChronoUnit.MINUTES)) >= 1);
        asAdmin().get("/api/v1/admin/jobs/{id}", alive).then().body("status", equalTo("FAILED"));
    }

    @Test
    void noSecondTrainingStartsWhileAnotherReplicaTrains() {
        String running = otherReplicasJob(JobType.TRAINING, JobStatus.RUNNING, Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            asAdmin().body(Map.of()).post("/api/v1/admin/models:train").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString(running));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> repository.findById(running).status = JobStatus.CANCELLED);
        }
    }

    @Test
    void cancellingAQueuedJobStopsItAndFinishedOrUnknownJobsCannotBeCancelled() {
        String queued = jobs.create(JobType.IMPORT, "jobs-site", "test");
        asAdmin().delete("/api/v1/admin/jobs/{id}", queued).then().statusCode(200).body("status", equalTo("CANCELLED"));
        asAdmin().delete("/api/v1/admin/jobs/{id}", queued).then().statusCode(409).contentType("application/problem+json");
        asAdmin().get("/api/v1/admin/jobs/{id}", "no-such-job").then().statusCode(404);
        TestKeys.as(TestKeys.create("moderator", "jobs-moderator")).get("/api/v1/admin/jobs").then().statusCode(403);
    }

    @Test
    void trainingRequestsAreChecked() {
        asAdmin().body(Map.of("siteId", "bad site!")).post("/api/v1/admin/models:train").then().statusCode(400)
                .body("errors.field", hasItem("siteId"));
        asAdmin().body(Map.of("baseCorpus", false)).post("/api/v1/admin/models:train").then().statusCode(400)
                .body("errors.field", hasItem("baseCorpus"));
        asAdmin().body(Map.of("siteId", "s", "reviewRecall", 1.5)).post("/api/v1/admin/models:train").then()
                .statusCode(400).body("errors.field", hasItem("reviewRecall"));
    }

    @Test
    void aMisspeltFieldOrABodyThatIsNotAnObjectTrainsNothing() {
        // Another replica trains meanwhile: a request that got past the checks would answer 409, not train here.
        String running = otherReplicasJob(JobType.TRAINING, JobStatus.RUNNING, Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            // A misspelt siteId must not train the shared bundle instead of the site's, nor a misspelt target leave
            // the default in place.
            asAdmin().body(Map.of("site", "my-site")).post(TRAIN).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("site"))
                    .body("errors[0].reason", equalTo("is not a known field"));
            asAdmin().body(Map.of("siteId", "my-site", "reviewRecal", 0.5)).post(TRAIN).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("reviewRecal"))
                    .body("errors[0].reason", equalTo("is not a known field"));
            for (String notAnObject : List.of("null", "[]", "\"x\"", "123")) {
                asAdmin().body(notAnObject).post(TRAIN).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", equalTo("body"))
                        .body("errors[0].reason", notNullValue());
            }
            // An empty body still asks for the shared bundle: it gets as far as the lock.
            asAdmin().post(TRAIN).then().statusCode(409).body("detail", containsString(running));
            asAdmin().body(Map.of("siteId", "my-site", "reviewRecall", 0.5)).post(TRAIN).then().statusCode(409);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> repository.findById(running).status = JobStatus.CANCELLED);
        }
    }
}
