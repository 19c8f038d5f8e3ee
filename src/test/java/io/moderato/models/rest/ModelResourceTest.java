package io.moderato.models.rest;

import io.moderato.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ModelResourceTest {

    @jakarta.inject.Inject
    io.moderato.models.repository.LiveModelRepository liveModels;

    @Test
    void listsBundlesNewestFirstAndMarksTheLiveOne() {
        List<String> versions = TestKeys.asAdmin().get("/api/v1/admin/models").then().statusCode(200)
                .body("size()", greaterThan(0)).body("live", hasItem(true)).body("[0].createdAt", notNullValue())
                .extract().path("version");
        List<String> sorted = new java.util.ArrayList<>(versions);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, versions);
    }

    @Test
    void showsABundlesManifestAndHeldOutReport() {
        String live = TestKeys.asAdmin().get("/api/v1/admin/models").then().statusCode(200)
                .extract().path("find { it.live }.version");
        TestKeys.asAdmin().get("/api/v1/admin/models/{version}", live).then().statusCode(200)
                .body("version", equalTo(live)).body("live", equalTo(true))
                .body("manifest.attributeThresholds.toxicity", notNullValue())
                .body("evaluation[0].attributes.toxicity.rocAuc", greaterThan(0.5f))
                .body("evaluation[0].attributes.insult.prAuc", notNullValue())
                .body("evaluation[0].attributes.threat.f1", notNullValue());
    }

    @Test
    void theModelEndpointsAreInTheApiDocument() {
        String document = io.restassured.RestAssured.given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        for (String path : List.of("/api/v1/admin/models", "/api/v1/admin/models/{version}")) {
            org.junit.jupiter.api.Assertions.assertTrue(document.contains("\"" + path + "\""), path);
        }
    }

    @Test
    void unknownVersionsAndNonAdminsAreRefused() {
        TestKeys.asAdmin().get("/api/v1/admin/models/{version}", "20990101-000000-none").then().statusCode(404);
        TestKeys.asAdmin().get("/api/v1/admin/models/{version}", "..").then().statusCode(404);
        TestKeys.as(TestKeys.create("moderator", "models-reader")).get("/api/v1/admin/models").then().statusCode(403);
    }

    @Test
    void anAdminPromotesAndRollsBackBundles() throws Exception {
        String original = TestKeys.asAdmin().get("/api/v1/admin/models").then().statusCode(200)
                .extract().jsonPath().getString("find { it.live }.version");
        java.nio.file.Path written = io.moderato.TestModels.writeCopy("promoted");
        String copy = written.getFileName().toString();
        try {
            TestKeys.asAdmin().post("/api/v1/admin/models/{v}/activate", copy).then().statusCode(200)
                    .body("live", org.hamcrest.Matchers.equalTo(true));
            TestKeys.asAdmin().body(java.util.Map.of("text", "hello")).post("/api/v1/classify").then().statusCode(200)
                    .body("modelVersion", org.hamcrest.Matchers.equalTo(copy));
            TestKeys.asAdmin().post("/api/v1/admin/models/{v}/activate", original).then().statusCode(200);
            TestKeys.asAdmin().body(java.util.Map.of("text", "hello")).post("/api/v1/classify").then().statusCode(200)
                    .body("modelVersion", org.hamcrest.Matchers.equalTo(original));
            TestKeys.asAdmin().queryParam("action", "MODEL_ACTIVATED").get("/api/v1/audit").then().statusCode(200)
                    .body("entries.details.live", org.hamcrest.Matchers.hasItems(copy, original));
            TestKeys.asAdmin().post("/api/v1/admin/models/{v}/activate", "20000101-000000-none").then().statusCode(404);
        } finally {
            removeBundle(written);
        }
    }

    @Test
    void aPromotionRecordedByAnotherReplicaGoesLiveHereWithinSeconds() throws Exception {
        String original = TestKeys.asAdmin().get("/api/v1/admin/models").then().statusCode(200)
                .extract().jsonPath().getString("find { it.live }.version");
        java.nio.file.Path written = io.moderato.TestModels.writeCopy("promoted");
        String copy = written.getFileName().toString();
        try {
            // What another replica's activation leaves behind: the database's record, nothing in this JVM.
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                    liveModels.set(io.moderato.models.repository.LiveModelEntity.SHARED, copy, "replica-b"));
            assertEquals(copy, liveVersionWithin(java.time.Duration.ofSeconds(5), copy));
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                    liveModels.set(io.moderato.models.repository.LiveModelEntity.SHARED, original, "replica-b"));
            assertEquals(original, liveVersionWithin(java.time.Duration.ofSeconds(5), original));
        } finally {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                    liveModels.set(io.moderato.models.repository.LiveModelEntity.SHARED, original, "test"));
            liveVersionWithin(java.time.Duration.ofSeconds(5), original);
            removeBundle(written);
        }
    }

    /** Leaves the shared test data directory as the other tests expect it: one bundle, no live pointer. */
    private static void removeBundle(java.nio.file.Path written) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(written)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        java.nio.file.Files.deleteIfExists(io.moderato.TestModels.DATA_DIR.resolve("models").resolve(io.moderato.classification.ModelStore.LIVE_FILE));
    }

    /** The version /classify answers with, once it is {@code expected} or the time is up. */
    private static String liveVersionWithin(java.time.Duration limit, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String version;
        do {
            version = TestKeys.asAdmin().body(java.util.Map.of("text", "hello")).post("/api/v1/classify").then()
                    .statusCode(200).extract().path("modelVersion");
            if (expected.equals(version)) {
                return version;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return version;
    }
}
