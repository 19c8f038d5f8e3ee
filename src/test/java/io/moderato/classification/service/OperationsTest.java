package io.moderato.classification.service;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Health, metrics and the API document. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessReportsTheLiveModelVersion() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("model"))
                .body("checks.find { it.name == 'model' }.data.modelVersion", notNullValue());
    }

    @Test
    void metricsHaveTheLatencyHistogram() {
        io.moderato.TestKeys.asAdmin().body(Map.of("text", "hello")).post("/api/v1/classify").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("moderato_classification_latency_seconds_bucket"))
                .body(containsString("moderato_classification_comments_total"));
    }

    @Test
    void openApiDocumentListsTheEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/classify"))
                .body(containsString("/api/v1/classify/batch"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
