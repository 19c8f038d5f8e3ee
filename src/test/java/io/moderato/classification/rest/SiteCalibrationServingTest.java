package io.moderato.classification.rest;

import io.moderato.TestKeys;
import io.moderato.classification.ScoreCalibration;
import io.moderato.classification.SiteCalibration;
import io.moderato.training.WorseBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site's bundle serves its scores through its calibration, on every path that names the site (classify, batch,
 * Perspective's analyze with the site as {@code communityId}, ingest); a site whose bundle has no calibration and
 * requests naming no site get the bundle's scores unchanged. The site bundles here are copies of the shipped one, so
 * the only difference between what they serve is the calibration.
 */
@QuarkusTest
class SiteCalibrationServingTest {

    private static final String TEXT = "You are a complete idiot and everyone here knows it.";
    /** The site's moderators mark less than the shared model says, and are less sure: its log-odds halved, less 2. */
    private static final ScoreCalibration STRICTER = new ScoreCalibration(ScoreCalibration.PLATT, 0.5, -2.0, null, null);
    /**
     * Scores read as doubles: RestAssured reads JSON numbers as floats by default, and the test text's shared score
     * is so near 1 that a float's rounding of it, through the calibration, moves the expected value by 1e-5.
     */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private final List<Path> written = new ArrayList<>();

    @AfterEach
    void removeBundles() throws IOException {
        for (Path directory : written) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String activateCopy(String site, SiteCalibration calibration) {
        Path directory = WorseBundles.writeSiteCopy(site, calibration);
        written.add(directory);
        String version = directory.getFileName().toString();
        asAdmin().body(Map.of()).post("/api/v1/admin/models/{v}/activate", version).then().statusCode(200)
                .body("live", equalTo(true));
        return version;
    }

    private static double toxicity(String site) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("text", TEXT, "mode", "full"));
        if (site != null) {
            body.put("siteId", site);
        }
        return asAdmin().body(body).post("/api/v1/classify").then().statusCode(200).extract()
                .jsonPath(DOUBLES).getDouble("attributes.toxicity");
    }

    @Test
    void aCalibratedSiteIsServedCalibratedScoresOnEveryPathAndOthersAreUnchanged() {
        String calibrated = "cal-" + UUID.randomUUID().toString().substring(0, 8);
        String plain = "plain-" + UUID.randomUUID().toString().substring(0, 8);
        double shared = toxicity(null);
        SiteCalibration calibration = new SiteCalibration(calibrated, "test",
                Map.of("toxicity", Map.of("full", STRICTER, "fast", STRICTER)));
        String version = activateCopy(calibrated, calibration);
        String plainVersion = activateCopy(plain, null);

        double expected = STRICTER.apply(shared);
        assertTrue(shared - expected > 0.05, shared + " -> " + expected);
        asAdmin().body(Map.of("text", TEXT, "mode", "full", "siteId", calibrated)).post("/api/v1/classify").then()
                .statusCode(200).body("modelVersion", equalTo(version));
        assertEquals(expected, toxicity(calibrated), 1e-5);
        assertEquals(shared, toxicity(plain), 1e-5, "a site bundle without calibration serves the scores as they are");
        assertEquals(shared, toxicity(null), 1e-5, "the shared bundle is unchanged");
        // Attributes the calibration leaves out are served as they are.
        double insultShared = asAdmin().body(Map.of("text", TEXT, "mode", "full")).post("/api/v1/classify").then()
                .extract().jsonPath(DOUBLES).getDouble("attributes.insult");
        double insultSite = asAdmin().body(Map.of("text", TEXT, "mode", "full", "siteId", calibrated))
                .post("/api/v1/classify").then().extract().jsonPath(DOUBLES).getDouble("attributes.insult");
        assertEquals(insultShared, insultSite, 1e-5);

        double batch = asAdmin().body(Map.of("items", List.of(Map.of("id", "1", "text", TEXT)), "mode", "full",
                        "siteId", calibrated)).post("/api/v1/classify/batch").then().statusCode(200)
                .body("modelVersion", equalTo(version)).extract().jsonPath(DOUBLES).getDouble("results[0].attributes.toxicity");
        assertEquals(expected, batch, 1e-5);

        // Fast mode goes through the fast-mode calibration.
        double fastShared = asAdmin().body(Map.of("text", TEXT, "mode", "fast")).post("/api/v1/classify").then()
                .extract().jsonPath(DOUBLES).getDouble("attributes.toxicity");
        double fastSite = asAdmin().body(Map.of("text", TEXT, "mode", "fast", "siteId", calibrated))
                .post("/api/v1/classify").then().extract().jsonPath(DOUBLES).getDouble("attributes.toxicity");
        assertEquals(STRICTER.apply(fastShared), fastSite, 1e-5);

        String analyze = "{\"comment\": {\"text\": \"" + TEXT + "\"}, \"requestedAttributes\": {\"TOXICITY\": {}}, "
                + "\"communityId\": \"%s\"}";
        float perspectiveSite = RestAssured.given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .queryParam("key", TestKeys.ADMIN).body(String.format(analyze, calibrated))
                .post("/v1alpha1/comments:analyze").then().statusCode(200).extract().jsonPath()
                .getFloat("attributeScores.TOXICITY.summaryScore.value");
        float perspectiveOther = RestAssured.given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .queryParam("key", TestKeys.ADMIN).body(String.format(analyze, "some community"))
                .post("/v1alpha1/comments:analyze").then().statusCode(200).extract().jsonPath()
                .getFloat("attributeScores.TOXICITY.summaryScore.value");
        double defaultMode = asAdmin().body(Map.of("text", TEXT)).post("/api/v1/classify").then().extract()
                .jsonPath(DOUBLES).getDouble("attributes.toxicity");
        // As elsewhere here, 1e-5: a text embedded in another micro-batch may differ in the last digits of a float.
        assertEquals((float) STRICTER.apply(defaultMode), perspectiveSite, 1e-5);
        assertEquals((float) defaultMode, perspectiveOther, 1e-5);

        double ingested = asAdmin().body(Map.of("siteId", calibrated, "id", "c1", "article", Map.of("id", "a1"),
                        "author", Map.of("id", "u1"), "text", TEXT)).post("/api/v1/comments").then().statusCode(201)
                .body("modelVersion", equalTo(version)).extract().jsonPath(DOUBLES).getDouble("attributes.toxicity");
        assertEquals(STRICTER.apply(defaultMode), ingested, 1e-5);
        asAdmin().body(Map.of("siteId", plain, "id", "c1", "article", Map.of("id", "a1"), "author", Map.of("id", "u1"),
                        "text", TEXT)).post("/api/v1/comments").then().statusCode(201)
                .body("modelVersion", equalTo(plainVersion));

        asAdmin().get("/api/v1/admin/models/{v}", version).then().statusCode(200)
                .body("calibration.siteId", equalTo(calibrated))
                .body("calibration.attributes.toxicity.full.method", equalTo("platt"));
        asAdmin().get("/api/v1/admin/models/{v}", plainVersion).then().statusCode(200)
                .body("calibration", org.hamcrest.Matchers.nullValue());
    }
}
