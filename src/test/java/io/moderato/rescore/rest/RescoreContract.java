package io.moderato.rescore.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.Jobs;
import io.moderato.TestKeys;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.repository.CommentEntity;
import io.moderato.comment.repository.CommentRepository;
import io.moderato.jobs.JobStatus;
import io.moderato.jobs.JobType;
import io.moderato.jobs.repository.JobEntity;
import io.moderato.jobs.repository.JobRepository;
import io.moderato.jobs.service.JobService;
import io.moderato.policy.Decision;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-scoring stored comments as a resumable job: new scores and model version with history, moderators' decisions
 * untouched, the policy re-applied (audited, sent as events), resumption from a checkpoint after a replica died,
 * and checked requests. Run on H2 and on PostgreSQL.
 */
abstract class RescoreContract {

    private static final String OLD_MODEL = "old-model-for-rescore";
    private static final String RESCORE = "/api/v1/admin/comments:rescore";

    @Inject
    CommentRepository comments;

    @Inject
    JobRepository jobRows;

    @Inject
    JobService jobs;

    @Inject
    ObjectMapper json;

    private static String site() {
        return "rescore-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void ingest(String site, String id, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", site);
        body.put("id", id);
        body.put("article", Map.of("id", "a1", "title", "Harbour works"));
        body.put("author", Map.of("id", "u-" + id));
        body.put("text", text);
        asAdmin().body(body).post("/api/v1/comments").then().statusCode(201);
    }

    /** Makes a stored comment look as an older model had scored and decided it. */
    private void scoredByOldModel(String site, String id, double toxicity, CommentStatus status, Instant receivedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            CommentEntity c = comments.findBySiteAndExternalId(site, id).orElseThrow();
            c.modelVersion = OLD_MODEL;
            c.toxicity = toxicity;
            c.maxScore = Math.max(c.maxScore, toxicity);
            c.status = status;
            c.machineDecision = status == CommentStatus.REVIEW ? Decision.REVIEW
                    : status == CommentStatus.REJECTED ? Decision.REJECT : Decision.APPROVE;
            if (receivedAt != null) {
                c.receivedAt = receivedAt;
            }
        });
    }

    private static JsonPath comment(String site, String id) {
        return asAdmin().get("/api/v1/comments/{site}/{id}", site, id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void newScoresAreStoredModeratorDecisionsStandAndThePolicyDecidesTheRestAgain() {
        String site = site();
        ingest(site, "held", "Thanks for the clear write-up about the harbour works.");
        ingest(site, "decided", "I walked past the harbour this morning; the new wall looks solid.");
        ingest(site, "plain", "Good to see the council publish the full budget for once.");
        ingest(site, "old", "The ferry timetable changes next month, worth checking.");
        ingest(site, "current", "Nice photos of the harbour at dusk.");
        String live = comment(site, "current").getString("modelVersion");
        assertNotEquals(OLD_MODEL, live);
        scoredByOldModel(site, "held", 0.97, CommentStatus.REVIEW, null);
        scoredByOldModel(site, "decided", 0.97, CommentStatus.REVIEW, null);
        // A moderator rejects the held comment: re-scoring must never change that.
        asAdmin().body(Map.of("decision", "REJECT", "reason", "off-topic"))
                .post("/api/v1/comments/{site}/{id}/decision", site, "decided").then().statusCode(200);
        scoredByOldModel(site, "plain", 0.05, CommentStatus.APPROVED, null);
        scoredByOldModel(site, "old", 0.97, CommentStatus.REVIEW, Instant.parse("2024-03-01T00:00:00Z"));
        long endpoint = asAdmin().body(Map.of("url", "http://127.0.0.1:9/rescore-hook", "siteId", site,
                        "events", List.of("comment.unqueued", "comment.rescored", "comment.decided")))
                .post("/api/v1/admin/webhooks").then().statusCode(201).extract().jsonPath().getLong("endpoint.id");

        String jobId = asAdmin().body(Map.of("siteId", site, "from", "2025-01-01T00:00:00Z")).post(RESCORE).then()
                .statusCode(202).body("jobId", notNullValue()).extract().jsonPath().getString("jobId");
        JsonPath job = Jobs.finished(jobId);
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals("RESCORE", job.getString("type"));
        assertEquals(site, job.getString("siteId"));
        assertEquals(1.0f, job.getFloat("progress"));
        assertEquals(4, job.getInt("result.scanned"), "four comments were received in the period");
        assertEquals(1, job.getInt("result.alreadyCurrent"));
        assertEquals(1, job.getInt("result.statusChanged"));
        assertEquals(1, job.getInt("result.moderatorDecisionsKept"));
        assertEquals(1, job.getInt("result.rescored"));
        assertEquals(3, job.getInt("result.modelVersions.'" + live + "'"));
        assertEquals(4, job.getInt("checkpoint.scanned"));

        JsonPath held = comment(site, "held");
        assertEquals(live, held.getString("modelVersion"));
        assertEquals("APPROVED", held.getString("status"), "the policy, with the new scores, approves it");
        assertEquals("APPROVE", held.getString("machineDecision"));
        assertTrue(held.getDouble("attributes.toxicity") < 0.5);
        assertEquals(OLD_MODEL, held.getString("rescores[0].previousModelVersion"));
        assertEquals(0.97f, held.getFloat("rescores[0].previousAttributes.toxicity"));
        assertEquals(live, held.getString("rescores[0].modelVersion"));
        assertEquals("REVIEW", held.getString("rescores[0].previousStatus"));
        assertEquals("APPROVED", held.getString("rescores[0].status"));
        assertEquals(jobId, held.getString("rescores[0].jobId"));
        assertEquals(1, held.getList("history").size(), "a re-scoring is not a new text revision");

        JsonPath decided = comment(site, "decided");
        assertEquals(live, decided.getString("modelVersion"), "the scores are new");
        assertEquals("REJECTED", decided.getString("status"), "the moderator's decision stands");
        assertNotEquals(null, decided.getString("decidedBy"));
        assertNull(decided.getString("rescores[0].machineDecision"));

        JsonPath plain = comment(site, "plain");
        assertEquals(live, plain.getString("modelVersion"));
        assertEquals("APPROVED", plain.getString("status"));

        JsonPath old = comment(site, "old");
        assertEquals(OLD_MODEL, old.getString("modelVersion"), "received before the period: not re-scored");
        assertEquals("REVIEW", old.getString("status"));
        assertNull(old.get("rescores"));

        asAdmin().get("/api/v1/audit?siteId={site}&action=COMMENT_RESCORED", site).then().statusCode(200)
                .body("entries.size()", equalTo(1)).body("entries[0].commentId", equalTo("held"))
                .body("entries[0].previousStatus", equalTo("REVIEW")).body("entries[0].newStatus", equalTo("APPROVED"));
        List<String> events = asAdmin().get("/api/v1/admin/webhooks/{id}/deliveries", endpoint).then().statusCode(200)
                .extract().jsonPath().getList("deliveries.event");
        assertEquals(2, events.stream().filter(List.of("comment.unqueued", "comment.rescored")::contains).count(), events.toString());
        assertTrue(events.contains("comment.rescored") && events.contains("comment.unqueued"), events.toString());
        asAdmin().delete("/api/v1/admin/webhooks/{id}", endpoint);
    }

    @Test
    void aJobWhoseReplicaDiedIsResumedFromItsCheckpoint() throws Exception {
        String site = site();
        for (int i = 1; i <= 4; i++) {
            ingest(site, "c" + i, "Comment number " + i + " on the harbour works, all quite calm.");
        }
        for (int i = 1; i <= 4; i++) {
            scoredByOldModel(site, "c" + i, 0.97, CommentStatus.REVIEW, null);
        }
        List<CommentEntity> stored = QuarkusTransaction.requiringNew().call(() ->
                comments.list("siteId = ?1 order by receivedAt, id", site));
        CommentEntity second = stored.get(1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("siteId", site);
        request.put("from", Instant.EPOCH.toString());
        request.put("to", now.toString());
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("siteId", site);
        checkpoint.put("receivedAt", second.receivedAt.toString());
        checkpoint.put("id", second.id);
        checkpoint.put("total", 4);
        checkpoint.put("scanned", 2);
        checkpoint.put("alreadyCurrent", 0);
        checkpoint.put("rescored", 0);
        checkpoint.put("statusChanged", 2);
        checkpoint.put("moderatorDecisionsKept", 0);
        checkpoint.put("skippedChanged", 0);
        checkpoint.put("modelVersions", Map.of("earlier-run", 2));
        // The job as a replica killed after its first page left it: running, silent for ten minutes.
        String jobId = QuarkusTransaction.requiringNew().call(() -> {
            JobEntity job = new JobEntity();
            job.id = UUID.randomUUID().toString();
            job.type = JobType.RESCORE;
            job.siteId = site;
            job.status = JobStatus.RUNNING;
            job.progress = 0.5;
            job.phase = "re-scoring";
            job.ownerInstance = "replica-killed";
            job.heartbeatAt = now.minus(10, ChronoUnit.MINUTES);
            job.createdBy = "test";
            job.createdAt = job.heartbeatAt;
            job.request = json.writeValueAsString(request);
            job.checkpoint = json.writeValueAsString(checkpoint);
            jobRows.persist(job);
            return job.id;
        });

        // This instance notices the silence (here at once; its heartbeat would within 5 s) and takes the job over.
        jobs.failSilent(now);
        JsonPath job = Jobs.finished(jobId);
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(4, job.getInt("result.scanned"), "two from the checkpoint, two read now");
        assertEquals(4, job.getInt("result.statusChanged"), "the counts go on from the checkpoint");
        assertEquals(2, job.getInt("result.modelVersions.earlier-run"));
        String live = comment(site, "c3").getString("modelVersion");
        assertNotEquals(OLD_MODEL, live);
        for (String id : List.of("c1", "c2")) {
            assertEquals(OLD_MODEL, comment(site, id).getString("modelVersion"), id + " was before the checkpoint: not done again");
        }
        for (String id : List.of("c3", "c4")) {
            JsonPath c = comment(site, id);
            assertEquals(live, c.getString("modelVersion"), id);
            assertEquals("APPROVED", c.getString("status"), id);
        }
        String owner = QuarkusTransaction.requiringNew().call(() -> jobRows.findById(jobId).ownerInstance);
        assertEquals(jobs.instance(), owner);
    }

    @Test
    void onlyOneInstanceTakesAJobOver() {
        Instant beat = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String jobId = QuarkusTransaction.requiringNew().call(() -> {
            JobEntity job = new JobEntity();
            job.id = UUID.randomUUID().toString();
            job.type = JobType.RESCORE;
            job.status = JobStatus.RUNNING;
            job.phase = "re-scoring";
            job.ownerInstance = "replica-gone";
            job.heartbeatAt = beat;
            job.createdBy = "test";
            job.createdAt = beat;
            jobRows.persist(job);
            return job.id;
        });
        try {
            assertTrue(QuarkusTransaction.requiringNew().call(() ->
                    jobRows.takeOver(jobId, "replica-gone", beat, "replica-a", "resuming", Instant.now())));
            assertEquals(false, QuarkusTransaction.requiringNew().call(() ->
                    jobRows.takeOver(jobId, "replica-gone", beat, "replica-b", "resuming", Instant.now())),
                    "the second instance finds the job no longer as it saw it");
            assertEquals("replica-a", QuarkusTransaction.requiringNew().call(() -> jobRows.findById(jobId).ownerInstance));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> jobRows.findById(jobId).status = JobStatus.CANCELLED);
        }
    }

    @Test
    void badRequestsAreRefusedWithTheField() {
        asAdmin().body(Map.of("siteId", "bad site!")).post(RESCORE).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("siteId"));
        asAdmin().body(Map.of("from", "yesterday")).post(RESCORE).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"));
        asAdmin().body(Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z")).post(RESCORE).then()
                .statusCode(400).body("errors.field", hasItem("to"));
        asAdmin().body(Map.of("from", "2999-01-01T00:00:00Z")).post(RESCORE).then().statusCode(400)
                .body("errors.field", hasItem("from"));
        asAdmin().contentType("application/json").body("{\"siteId\": ").post(RESCORE).then().statusCode(400)
                .contentType("application/problem+json");
        // What is not a well-formed request starts no job, least of all one over every site: a misspelt or unknown
        // field, a body that is not an object, a value of the wrong type.
        asAdmin().body(Map.of("site", "my-site")).post(RESCORE).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("site"))
                .body("errors[0].reason", equalTo("is not a known field"));
        asAdmin().contentType("application/json").body("{\"\": 1}").post(RESCORE).then().statusCode(400)
                .body("errors[0].reason", equalTo("is not a known field"));
        for (String notAnObject : List.of("null", "[]", "\"x\"", "123", " ")) {
            asAdmin().contentType("application/json").body(notAnObject).post(RESCORE).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("body"))
                    .body("errors[0].reason", notNullValue());
        }
        asAdmin().contentType("application/json").body("{\"siteId\": 5}").post(RESCORE).then().statusCode(400)
                .body("errors[0].field", equalTo("siteId"));
        asAdmin().contentType("application/json").body("{\"from\": \"2026-01-01T00:00:00Z\", \"from\": null}").post(RESCORE)
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        asAdmin().body(Map.of("to", "1969-12-31T00:00:00Z")).post(RESCORE).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        TestKeys.as(TestKeys.create("moderator", "rescore-moderator")).body(Map.of()).post(RESCORE).then()
                .statusCode(403);
    }
}
