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
}
