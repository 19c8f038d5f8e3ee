package io.moderato.training.rest;

import io.moderato.Jobs;
import io.moderato.TestKeys;
import io.moderato.TestModels;
import io.moderato.classification.ModelStore;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learning loop end to end: a site imports its moderators' history, trains its own bundle, reads the gate's
 * report and the bias table, promotes the bundle and scores with it; and a cancelled training leaves nothing behind.
 * The site's moderators reject insults in the site's own slang, which the shared model has never seen.
 */
@QuarkusTest
class LearningLoopTest {

    private static final String[] SLANG = {"grubnik", "snorfwit", "mudgobbler", "fleemhead", "wambler", "drooptoad"};
    private static final String[] INSULT_FORMS = {"you are a total %s", "only a %s would post this", "shut it, %s",
            "typical %s take, as usual", "go back under your bridge, %s", "nobody asked you, %s",
            "what a %s you are", "read the article before posting, %s", "%s alert, ignore this one",
            "sit down, %s, the adults are talking"};
    private static final String[] SUBJECTS = {"the new stadium", "the bus timetable", "the council budget",
            "the school fete", "the river clean-up", "the library hours", "the cycling lane", "the match on Sunday",
            "the farmers market", "the heat wave", "the bridge repairs", "the election debate", "the food bank",
            "the concert in the park", "the parking rules"};
    private static final String[] BENIGN_FORMS = {"Thanks for the update on %s.", "I went to %s and it was lovely.",
            "Does anyone know more about %s?", "Good article, %s needs more attention.",
            "My neighbours and I talked about %s all evening.", "Honestly %s could be better organised.",
            "I disagree with the author about %s, but fair points.", "Glad someone finally wrote about %s.",
            "Will %s be discussed at the next meeting?", "Photos of %s would be nice next time."};

    private final List<Path> written = new ArrayList<>();

    /** The site's labelled history, as a CSV export from its old moderation tool: 300 rows, half rejected. */
    static String history() {
        StringBuilder csv = new StringBuilder("comment_id,comment_text,toxic\r\n");
        int id = 0;
        for (int i = 0; i < 150; i++) {
            String insult = String.format(INSULT_FORMS[i % INSULT_FORMS.length], SLANG[(i / INSULT_FORMS.length) % SLANG.length]);
            String about = SUBJECTS[i % SUBJECTS.length];
            csv.append(++id).append(",\"").append(insult).append(" (re ").append(about).append(")\",1\r\n");
            String benign = String.format(BENIGN_FORMS[(i + i / BENIGN_FORMS.length) % BENIGN_FORMS.length],
                    SUBJECTS[(i * 7) % SUBJECTS.length]);
            csv.append(++id).append(",\"").append(benign).append("\",0\r\n");
        }
        return csv.toString();
    }

    static String site() {
        return "loop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void importHistory(String site) {
        String jobId = RestAssured.given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .multiPart("file", "history.csv", history().getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("mapping", "{\"format\": \"csv\", \"text\": \"comment_text\", \"labels\": "
                        + "{\"toxicity\": {\"column\": \"toxic\"}, \"insult\": {\"column\": \"toxic\"}}}", "application/json")
                .post("/api/v1/admin/sites/{site}/labels:import", site).then().statusCode(202).extract().path("jobId");
        JsonPath job = Jobs.finished(jobId);
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(300, job.getInt("result.imported"));
    }

    static Set<String> bundles() throws IOException {
        Path models = TestModels.DATA_DIR.resolve("models");
        try (Stream<Path> entries = Files.list(models)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> !name.equals(ModelStore.LIVE_FILE))
                    .collect(java.util.stream.Collectors.toCollection(HashSet::new));
        }
    }

    static double toxicity(String text, String site) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("text", text));
        if (site != null) {
            body.put("siteId", site);
        }
        return asAdmin().body(body).post("/api/v1/classify").then().statusCode(200).extract()
                .jsonPath().getDouble("attributes.toxicity");
    }

    @AfterEach
    void removeTrainedBundles() throws IOException {
        // Leave the shared test data directory as the other tests expect it: the shared bundle only.
        for (Path directory : written) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aSiteLearnsFromItsModeratorsPassesTheGateAndScoresWithItsOwnBundle() {
        String site = site();
        importHistory(site);
        String shared = asAdmin().get("/api/v1/admin/models").then().statusCode(200)
                .extract().jsonPath().getString("find { it.live && it.siteId == null }.version");
        String probe = "only a snorfwit would write that about the ferry";
        double before = toxicity(probe, site);

        String jobId = asAdmin().body(Map.of("siteId", site, "baseCorpus", true)).post("/api/v1/admin/models:train")
                .then().statusCode(202).extract().path("jobId");
        JsonPath job = Jobs.finished(jobId);
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals("TRAINING", job.getString("type"));
        assertEquals(1.0f, job.getFloat("progress"));
        String version = job.getString("result.modelVersion");
        written.add(TestModels.DATA_DIR.resolve("models").resolve(version));
        assertTrue(job.getBoolean("result.gate.passed"), job.prettify());
        assertEquals(shared, job.getString("result.gate.live"));
        float candidateAuc = job.getFloat("result.gate.attributes.toxicity.candidate.rocAuc.value");
        float liveAuc = job.getFloat("result.gate.attributes.toxicity.live.rocAuc.value");
        // The shared bundle may already rank this small slice perfectly; the site's bundle must be no worse.
        assertTrue(candidateAuc >= liveAuc, candidateAuc + " vs " + liveAuc);
        assertTrue(job.getFloat("result.gate.attributes.toxicity.candidate.rocAuc.low")
                <= candidateAuc);
        // The calibration applied (or none, when no map beat the raw scores on the labels it was fitted on), measured
        // on the slice; the fit's own figures beside it.
        String method = job.getString("result.gate.calibration.toxicity.method");
        assertTrue(List.of("platt", "isotonic", "none").contains(method), method);
        assertTrue(job.getFloat("result.gate.calibration.toxicity.eceAfter") >= 0);
        assertEquals(method, job.getString("result.gate.calibrationFit.toxicity.full.method"), job.prettify());
        assertTrue(job.getInt("result.gate.calibrationFit.toxicity.labels") >= 10, job.prettify());
        assertTrue(job.getMap("result.gate.thresholdSuggestions.toxicity.review").containsKey("truePositives"));
        assertTrue(job.getFloat("result.gate.corpusHeldOut.toxicity.liveRocAuc") > 0.5f, job.prettify());

        // Not live until an admin promotes it.
        assertEquals(before, toxicity(probe, site), 1e-9);
        asAdmin().get("/api/v1/admin/models/{v}", version).then().statusCode(200).body("siteId", equalTo(site))
                .body("calibration.siteId", equalTo(site))
                .body("live", equalTo(false)).body("manifest.siteId", equalTo(site))
                .body("gate.passed", equalTo(true)).body("evaluation[0].attributes.toxicity.rocAuc", greaterThan(0.5f));
        asAdmin().get("/api/v1/admin/models/{v}/bias", version).then().statusCode(200)
                .body("[0].dataset", equalTo("corpus held-out split")).body("[0].subgroups.subgroup", hasItem("women"))
                .body("[0].finalScore", notNullValue()).body("[1].dataset", equalTo("site " + site + " held-out slice"));

        asAdmin().body(Map.of()).post("/api/v1/admin/models/{v}/activate", version).then().statusCode(200)
                .body("live", equalTo(true));
        asAdmin().body(Map.of("text", probe, "siteId", site)).post("/api/v1/classify").then().statusCode(200)
                .body("modelVersion", equalTo(version));
        asAdmin().body(Map.of("text", probe)).post("/api/v1/classify").then().statusCode(200)
                .body("modelVersion", equalTo(shared));
        asAdmin().body(Map.of("items", List.of(Map.of("id", "1", "text", probe)), "siteId", site))
                .post("/api/v1/classify/batch").then().statusCode(200).body("modelVersion", equalTo(version));
        double after = toxicity(probe, site);
        assertTrue(after > before, "the site's bundle scores its slang " + after + ", the shared one " + before);
        asAdmin().body(Map.of("siteId", site, "id", "c1", "article", Map.of("id", "a1"), "author", Map.of("id", "u1"),
                "text", probe)).post("/api/v1/comments").then().statusCode(201).body("modelVersion", equalTo(version));
        asAdmin().queryParam("action", "MODEL_ACTIVATED").queryParam("siteId", site).get("/api/v1/audit").then()
                .statusCode(200).body("entries.details.live", hasItem(version))
                .body("entries.details.gate", hasItem("passed"));
        asAdmin().get("/api/v1/admin/models").then().statusCode(200)
                .body("find { it.version == '" + version + "' }.live", equalTo(true))
                .body("find { it.version == '" + shared + "' }.live", equalTo(true));
    }

    @Test
    void theGateRefusesAWorseBundleUnlessAnAdminForcesItAndTheForcingIsAudited() throws IOException {
        String site = site();
        io.moderato.training.SiteGate.Verdict verdict = io.moderato.training.WorseBundles.judge(
                io.moderato.training.WorseBundles.shuffledToxicity(), TestModels.full());
        assertFalse(verdict.passed());
        io.moderato.classification.ModelBundle worse = io.moderato.training.WorseBundles.shuffledToxicity();
        io.moderato.classification.ModelBundle forSite = new io.moderato.classification.ModelBundle(null,
                worse.manifest().withSiteId(site), worse.word(), worse.encoder(), worse.combiner());
        Path directory = new io.moderato.training.BundleWriter().write(TestModels.DATA_DIR, forSite, List.of(),
                Map.of(io.moderato.classification.BundleFiles.GATE, verdict.report()));
        written.add(directory);
        String version = forSite.version();
        asAdmin().get("/api/v1/admin/models").then().statusCode(200)
                .body("find { it.version == '" + version + "' }.gate", equalTo(false));
        asAdmin().body(Map.of()).post("/api/v1/admin/models/{v}/activate", version).then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("gate-refused"))
                .body("errors[0].reason", org.hamcrest.Matchers.startsWith("toxicity: ROC AUC"));
        asAdmin().body(Map.of("text", "hello", "siteId", site)).post("/api/v1/classify").then()
                .body("modelVersion", org.hamcrest.Matchers.not(equalTo(version)));
        asAdmin().body(Map.of("force", true)).post("/api/v1/admin/models/{v}/activate", version).then().statusCode(200)
                .body("live", equalTo(true));
        asAdmin().body(Map.of("text", "hello", "siteId", site)).post("/api/v1/classify").then()
                .body("modelVersion", equalTo(version));
        asAdmin().queryParam("action", "MODEL_ACTIVATED").queryParam("siteId", site).get("/api/v1/audit").then()
                .statusCode(200).body("entries[0].details.forced", equalTo(true))
                .body("entries[0].details.gate", equalTo("refused"));
    }

    @Test
    void aCancelledTrainingLeavesTheLiveModelAndNoBundleBehind() throws IOException {
        String site = site();
        importHistory(site);
        Set<String> before = bundles();
        String jobId = asAdmin().body(Map.of("siteId", site)).post("/api/v1/admin/models:train").then().statusCode(202)
                .extract().path("jobId");
        Jobs.await(jobId, job -> job.getFloat("progress") > 0.05f || !job.getString("status").equals("QUEUED")
                && !job.getString("status").equals("RUNNING"), Duration.ofMinutes(2));
        asAdmin().delete("/api/v1/admin/jobs/{id}", jobId).then().statusCode(200);
        JsonPath job = Jobs.finished(jobId);
        assertEquals("CANCELLED", job.getString("status"), job.prettify());
        assertEquals(before, bundles());
        assertFalse(bundles().stream().anyMatch(name -> name.startsWith(".")), bundles().toString());
        asAdmin().body(Map.of("text", "hello", "siteId", site)).post("/api/v1/classify").then().statusCode(200)
                .body("modelVersion", equalTo(asAdmin().get("/api/v1/admin/models").then().extract().jsonPath()
                        .getString("find { it.live && it.siteId == null }.version")));
    }
}
