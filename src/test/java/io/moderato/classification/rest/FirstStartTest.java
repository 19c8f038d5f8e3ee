package io.moderato.classification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.moderato.TestKeys.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A first start on an empty data directory: the port opens at once, readiness is DOWN with the reason, and
 * classification answers 503 with Retry-After (here the corpus is missing, so the background training fails fast
 * and the service stays in that state instead of training for minutes).
 */
@QuarkusTest
@TestProfile(FirstStartTest.EmptyDataDirectory.class)
class FirstStartTest {

    /** A data directory with no bundle, a corpus directory that does not exist, training in the background. */
    public static class EmptyDataDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moderato.data-dir", "./target/first-start-data-" + ProcessHandle.current().pid(),
                    "moderato.training.corpus-dir", "./target/no-corpus-here",
                    "moderato.training.wait-at-start", "false");
        }
    }

    @Test
    void theServiceAnswersBeforeItHasAModel() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'model' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'model' }.data.reason", notNullValue());
        asAdmin().body(Map.of("text", "Is anyone there?")).post("/api/v1/classify")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("type", containsString("model-not-ready"));
        asAdmin().body(Map.of("items", java.util.List.of(Map.of("id", "a", "text", "hello"))))
                .post("/api/v1/classify/batch").then().statusCode(503).header("Retry-After", notNullValue());
    }

    @Test
    void readinessSaysWhyThereIsNoModel() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.name", hasItem("model"))
                .body("checks.find { it.name == 'model' }.data.reason",
                        org.hamcrest.Matchers.anyOf(containsString("training"), containsString("no model bundle")));
    }
}
