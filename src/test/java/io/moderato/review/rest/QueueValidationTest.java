package io.moderato.review.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** Claim and release requests are checked by Bean Validation, answered as the same problem details. */
@QuarkusTest
class QueueValidationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void claimFieldsAreCheckedAndNamed() {
        asAdmin().body(Map.of("siteId", "not a site", "count", 0, "durationSeconds", 5)).post("/api/v1/queue/claim")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("siteId", "count", "durationSeconds"))
                .body("errors.find { it.field == 'durationSeconds' }.reason", equalTo("must be within 10..3600"))
                .body("errors.find { it.field == 'count' }.reason", equalTo("must be at least 1"));
        asAdmin().body(Map.of("siteId", "q-site", "count", 51)).post("/api/v1/queue/claim")
                .then().statusCode(400).body("errors[0].field", equalTo("count")).body("errors[0].reason", equalTo("must be within 1..50"));
        asAdmin().body("null").post("/api/v1/queue/claim").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body")).body("errors[0].reason", equalTo("must be a JSON object"));
        asAdmin().body("").post("/api/v1/queue/claim").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body")).body("errors[0].reason", equalTo("is required"));
        asAdmin().body(Map.of("count", 1)).post("/api/v1/queue/claim").then().statusCode(400)
                .body("errors[0].field", equalTo("siteId")).body("errors[0].reason", equalTo("is required"));
        asAdmin().body(Map.of("siteId", "q-site", "count", 1)).post("/api/v1/queue/claim").then().statusCode(200);
    }

    @Test
    void releaseNeedsAValidSite() {
        asAdmin().body("{}").post("/api/v1/queue/release").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("siteId")).body("errors[0].reason", equalTo("is required"));
        asAdmin().body(Map.of("siteId", "a/b")).post("/api/v1/queue/release").then().statusCode(400)
                .body("errors[0].reason", equalTo("must be 1 to 100 letters, digits, dots, dashes or underscores"));
        asAdmin().body(Map.of("siteId", "q-site")).post("/api/v1/queue/release").then().statusCode(200).body("released", equalTo(0));
    }
}
