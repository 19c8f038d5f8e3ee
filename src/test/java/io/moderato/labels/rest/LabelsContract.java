package io.moderato.labels.rest;

import io.moderato.Jobs;
import io.moderato.TestKeys;
import io.moderato.jobs.JobCancelledException;
import io.moderato.jobs.JobType;
import io.moderato.jobs.service.JobContext;
import io.moderato.jobs.service.JobService;
import io.moderato.labels.ImportMapping;
import io.moderato.labels.service.LabelService;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Site labels: import, counts, export, withdrawal, labels from decisions and suggestions; on H2 and PostgreSQL. */
abstract class LabelsContract {

    static final String OLID_LIKE_MAPPING = "{\"format\": \"tsv\", \"text\": \"tweet\", \"labels\": {\"toxicity\": "
            + "{\"column\": \"subtask_a\", \"positive\": [\"OFF\"]}}}";

    @Inject
    LabelService labels;

    @Inject
    JobService jobs;

    static String site() {
        return "labels-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification multipart() {
        return RestAssured.given().header("Authorization", "Bearer " + TestKeys.ADMIN);
    }

    static String importFile(String site, String file, String mapping) {
        return multipart().multiPart("file", "labels.tsv", file.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("mapping", mapping, "application/json")
                .post("/api/v1/admin/sites/{site}/labels:import", site).then().statusCode(202)
                .extract().path("jobId");
    }

    @Test
    void anImportReportsItsRowsAndCanBeExportedAndWithdrawn() {
        String site = site();
        String file = "id\ttweet\tsubtask_a\n1\t@USER you are a clown\tOFF\n2\tnice goal\tNOT\n3\t\tOFF\n"
                + "4\tgreat thread, thanks\tNOT\n";
        String jobId = importFile(site, file, OLID_LIKE_MAPPING);
        JsonPath job = Jobs.finished(jobId);
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals("IMPORT", job.getString("type"));
        assertEquals(4, job.getInt("result.read"));
        assertEquals(3, job.getInt("result.imported"));
        assertEquals(1, job.getInt("result.skipped"));
        assertEquals(4, job.getInt("result.errors[0].line"));
        assertEquals("no text in tweet", job.getString("result.errors[0].reason"));

        asAdmin().get("/api/v1/admin/sites/{site}/labels", site).then().statusCode(200)
                .body("bySource.IMPORT", equalTo(3)).body("total", equalTo(3));
        String export = asAdmin().get("/api/v1/admin/sites/{site}/labels:export", site).then().statusCode(200)
                .extract().asString();
        List<String> lines = export.lines().toList();
        assertEquals(3, lines.size());
        JsonPath first = JsonPath.from(lines.get(0));
        assertEquals("@USER you are a clown", first.getString("text"));
        assertEquals(1.0f, first.getFloat("labels.toxicity"));
        assertEquals(jobId, first.getString("sourceRef"));
        assertEquals("IMPORT", first.getString("source"));

        asAdmin().queryParam("source", "IMPORT").queryParam("sourceRef", jobId)
                .delete("/api/v1/admin/sites/{site}/labels", site).then().statusCode(200).body("deleted", equalTo(3));
        asAdmin().get("/api/v1/admin/sites/{site}/labels", site).then().body("total", equalTo(0));
        asAdmin().queryParam("action", "LABELS_WITHDRAWN").queryParam("siteId", site).get("/api/v1/audit")
                .then().statusCode(200).body("entries.details.deleted", hasItem(3));
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        String site = site();
        multipart().multiPart("file", "x.tsv", "a\tb\n".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("mapping", "{\"format\": \"xml\", \"text\": \"a\", \"labels\": {}}", "application/json")
                .post("/api/v1/admin/sites/{site}/labels:import", site).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("mapping.format"))
                .body("errors.field", hasItem("mapping.labels"));
        multipart().multiPart("mapping", OLID_LIKE_MAPPING, "application/json")
                .post("/api/v1/admin/sites/{site}/labels:import", site).then().statusCode(400)
                .body("errors.field", hasItem("file"));
        multipart().multiPart("file", "x.tsv", "a\tb\n".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("mapping", "{not json", "application/json")
                .post("/api/v1/admin/sites/{site}/labels:import", site).then().statusCode(400)
                .body("errors.field", hasItem("mapping"));
        asAdmin().delete("/api/v1/admin/sites/{site}/labels", site).then().statusCode(400)
                .body("errors.field", hasItem("source"));
        TestKeys.as(TestKeys.create("moderator", "labels-moderator")).get("/api/v1/admin/sites/{site}/labels", site)
                .then().statusCode(403);
    }

    @Test
    void aMisspeltMappingKeyIsRefusedBeforeAJobStarts() {
        String site = site();
        String file = "id\ttweet\tsubtask_a\n1\tyou clown\tOFF\n";
        // Dropped, a misspelt "positive" would read OFF and NOT as numbers: every row skipped, in the job's result.
        multipart().multiPart("file", "labels.tsv", file.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("mapping", OLID_LIKE_MAPPING.replace("positive", "positve"), "application/json")
                .post("/api/v1/admin/sites/{site}/labels:import", site).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("mapping.labels.toxicity.positve")))
                .body("errors[0].reason", equalTo("is not a known field"))
                .body("detail", equalTo("mapping.labels.toxicity.positve: is not a known field"));
        multipart().multiPart("file", "labels.tsv", file.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("mapping", OLID_LIKE_MAPPING.replace("{\"format\"", "{\"delimiter\": \";\", \"format\""),
                        "application/json")
                .post("/api/v1/admin/sites/{site}/labels:import", site).then().statusCode(400)
                .body("errors.field", equalTo(List.of("mapping.delimiter")))
                .body("errors[0].reason", equalTo("is not a known field"));
        asAdmin().get("/api/v1/admin/jobs").then().statusCode(200)
                .body("findAll { it.siteId == '" + site + "' }", org.hamcrest.Matchers.empty());
        asAdmin().get("/api/v1/admin/sites/{site}/labels", site).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aMisspeltOrRepeatedParameterWithdrawsNothing() {
        String site = site();
        String first = importFile(site, "id\ttweet\tsubtask_a\n1\tyou clown\tOFF\n2\tnice goal\tNOT\n", OLID_LIKE_MAPPING);
        String second = importFile(site, "id\ttweet\tsubtask_a\n1\tgreat thread\tNOT\n", OLID_LIKE_MAPPING);
        assertEquals("SUCCEEDED", Jobs.finished(first).getString("status"));
        assertEquals("SUCCEEDED", Jobs.finished(second).getString("status"));
        String labelsPath = "/api/v1/admin/sites/{site}/labels";
        // Dropped, a misspelt sourceRef would withdraw every imported label of the site, not those of one import.
        asAdmin().queryParam("source", "IMPORT").queryParam("source_ref", first).delete(labelsPath, site)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("source_ref")))
                .body("errors[0].reason", equalTo("is not a known parameter"))
                .body("detail", equalTo("source_ref: is not a known parameter"));
        // Names are matched exactly, as JSON fields are (the HTTP layer would match these two regardless of case).
        asAdmin().queryParam("source", "IMPORT").queryParam("sourceref", first).delete(labelsPath, site)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("sourceref")))
                .body("errors[0].reason", equalTo("is not a known parameter"));
        asAdmin().queryParam("Source", "IMPORT").queryParam("sourceRef", first).delete(labelsPath, site)
                .then().statusCode(400).body("errors.field", hasItem("Source"));
        // Given twice, only the first would count.
        asAdmin().queryParam("source", "IMPORT").queryParam("sourceRef", first, second).delete(labelsPath, site)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("sourceRef")))
                .body("errors[0].reason", equalTo("is given more than once"));
        asAdmin().get(labelsPath, site).then().statusCode(200).body("bySource.IMPORT", equalTo(3));
        asAdmin().queryParam("action", "LABELS_WITHDRAWN").queryParam("siteId", site).get("/api/v1/audit")
                .then().statusCode(200).body("entries", org.hamcrest.Matchers.empty());

        asAdmin().queryParam("source", "IMPORT").queryParam("sourceRef", first).delete(labelsPath, site)
                .then().statusCode(200).body("deleted", equalTo(2));
        asAdmin().get(labelsPath, site).then().statusCode(200).body("bySource.IMPORT", equalTo(1));
    }

    @Test
    void aFileWithoutTheMappedColumnsFailsAndStoresNothing() {
        String site = site();
        String jobId = importFile(site, "id\ttext\tlabel\n1\tyou clown\tOFF\n", OLID_LIKE_MAPPING);
        JsonPath job = Jobs.finished(jobId);
        assertEquals("FAILED", job.getString("status"));
        assertTrue(job.getString("result.error").contains("no column tweet, subtask_a"), job.prettify());
        asAdmin().get("/api/v1/admin/sites/{site}/labels", site).then().body("total", equalTo(0));
    }

    @Test
    void anImportStoppedHalfwayLeavesNothingBehind() throws Exception {
        String site = site();
        StringBuilder file = new StringBuilder("id\ttweet\tsubtask_a\n");
        for (int i = 0; i < 1600; i++) {
            file.append(i).append("\tcomment number ").append(i).append('\t').append(i % 3 == 0 ? "OFF" : "NOT").append('\n');
        }
        Path path = Files.createTempFile("labels", ".tsv");
        Files.writeString(path, file);
        String jobId = jobs.create(JobType.IMPORT, site, "test");
        int[] reports = new int[1];
        JobContext stopsAtTheSecondBatch = new JobContext() {
            @Override
            public String jobId() {
                return jobId;
            }

            @Override
            public void report(String phase, double fraction) {
                if (++reports[0] == 2) {
                    throw new JobCancelledException(jobId);
                }
            }

            @Override
            public void checkCancelled() {
            }
        };
        ImportMapping mapping = ImportMapping.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(OLID_LIKE_MAPPING));
        assertThrows(JobCancelledException.class,
                () -> labels.importFile(site, path, mapping, 1000, "test", stopsAtTheSecondBatch));
        assertEquals(2, reports[0]);
        assertEquals(0L, labels.counts(site).values().stream().mapToLong(Long::longValue).sum());
        Files.delete(path);
    }

    @Test
    void decisionsAndSuggestionsBecomeLabelsAndUndoWithdrawsThem() {
        String site = site();
        asAdmin().body(Map.of("suspectWords", List.of("hold"), "links", "ALLOW"))
                .put("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200);
        asAdmin().body(Map.of("siteId", site, "id", "c1", "article", Map.of("id", "a1"), "author", Map.of("id", "u1"),
                "text", "hold my coffee, I am reading the whole thread")).post("/api/v1/comments").then().statusCode(201)
                .body("status", equalTo("REVIEW"));
        asAdmin().body(Map.of("decision", "REJECT", "reason", "insult"))
                .post("/api/v1/comments/{site}/{id}/decision", site, "c1").then().statusCode(200);
        String export = asAdmin().get("/api/v1/admin/sites/{site}/labels:export", site).then().statusCode(200)
                .extract().asString();
        JsonPath label = JsonPath.from(export.lines().findFirst().orElseThrow());
        assertEquals("DECISION", label.getString("source"));
        assertEquals("c1", label.getString("sourceRef"));
        assertEquals(1.0f, label.getFloat("labels.toxicity"));
        assertEquals(1.0f, label.getFloat("labels.insult"));

        asAdmin().post("/api/v1/comments/{site}/{id}/undo", site, "c1").then().statusCode(200);
        asAdmin().get("/api/v1/admin/sites/{site}/labels", site).then().body("bySource.DECISION", equalTo(0));

        asAdmin().body(Map.of("comment", Map.of("text", "what a lovely photo"), "communityId", site,
                        "attributeScores", Map.of("TOXICITY", Map.of("summaryScore", Map.of("value", 0.0)))))
                .post("/v1alpha1/comments:suggestscore").then().statusCode(200);
        asAdmin().get("/api/v1/admin/sites/{site}/labels", site).then().body("bySource.FEEDBACK", equalTo(1))
                .body("total", equalTo(1));
    }
}
