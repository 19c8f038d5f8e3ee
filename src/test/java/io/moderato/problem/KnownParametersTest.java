package io.moderato.problem;

import io.moderato.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * Query parameters an endpoint does not read, or reads once and is given twice, are refused with 400 naming them
 * ({@link KnownParametersFilter}); the endpoints whose clients send parameters of their own take them as before.
 */
@QuarkusTest
class KnownParametersTest {

    private static final String PROBLEM = "application/problem+json";

    private static ValidatableResponse refused(ValidatableResponse response, String field, String reason) {
        return response.statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://moderato.dev/problems/invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", equalTo(field + ": " + reason))
                .body("errors", equalTo(List.of(Map.of("field", field, "reason", reason))));
    }

    private static ValidatableResponse unknown(ValidatableResponse response, String field) {
        return refused(response, field, "is not a known parameter");
    }

    private static String site() {
        return "params-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMisspeltListingFilterIsRefusedNotDropped() {
        String site = site();
        // Dropped, "stauts" would list the review queue, not the rejected comments.
        unknown(asAdmin().queryParam("siteId", site).queryParam("stauts", "REJECTED").get("/api/v1/queue").then(), "stauts")
                .body("instance", equalTo("/api/v1/queue"));
        unknown(asAdmin().queryParam("siteId", site).queryParam("Limit", "5").get("/api/v1/queue").then(), "Limit");
        unknown(asAdmin().queryParam("siteId", site).queryParam("buckett", "hour").get("/api/v1/stats").then(), "buckett");
        asAdmin().queryParam("siteId", site).queryParam("status", "REJECTED").queryParam("sort", "time")
                .queryParam("limit", 5).get("/api/v1/queue").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void aRepeatedParameterIsRefused() {
        String site = site();
        // Given twice, only the first would count.
        refused(asAdmin().queryParam("siteId", site).queryParam("limit", "5", "500").get("/api/v1/queue").then(),
                "limit", "is given more than once");
        refused(asAdmin().queryParam("siteId", site, "other").get("/api/v1/audit").then(), "siteId", "is given more than once");
    }

    @Test
    void theAuditLogRefusesAMisspeltFilter() {
        String site = site();
        // Dropped, "actr" would answer every actor's entries.
        unknown(asAdmin().queryParam("siteId", site).queryParam("actr", "someone").get("/api/v1/audit").then(), "actr");
        // Names are matched exactly.
        unknown(asAdmin().queryParam("siteid", site).get("/api/v1/audit").then(), "siteid");
        asAdmin().queryParam("siteId", site).queryParam("actor", "someone").queryParam("limit", 5).get("/api/v1/audit")
                .then().statusCode(200).body("entries", equalTo(List.of()));
    }

    @Test
    void anExportRefusesAFilterItDoesNotHave() {
        String site = site();
        // The export has no filter: dropped, "source" would export every label while seeming to export some.
        unknown(asAdmin().queryParam("source", "IMPORT").get("/api/v1/admin/sites/{site}/labels:export", site).then(), "source");
        asAdmin().get("/api/v1/admin/sites/{site}/labels:export", site).then().statusCode(200);
    }

    @Test
    void webhooksRefuseAMisspeltParameter() {
        long id = asAdmin().body(Map.of("url", "https://hooks.example/params", "events", List.of("comment.queued")))
                .post("/api/v1/admin/webhooks").then().statusCode(201).extract().jsonPath().getLong("endpoint.id");
        // Dropped, "limt" would take the default of 100.
        unknown(asAdmin().queryParam("limt", 5).get("/api/v1/admin/webhooks/{id}/deliveries", id).then(), "limt");
        unknown(asAdmin().queryParam("siteId", "x").get("/api/v1/admin/webhooks").then(), "siteId");
        asAdmin().queryParam("limit", 5).get("/api/v1/admin/webhooks/{id}/deliveries", id).then().statusCode(200);
        asAdmin().delete("/api/v1/admin/webhooks/{id}", id).then().statusCode(204);
    }

    @Test
    void everyWrongParameterIsNamedAtOnce() {
        asAdmin().queryParam("siteId", site()).queryParam("a", "1").queryParam("b", "2").get("/api/v1/queue").then()
                .statusCode(400).contentType(PROBLEM).body("detail", equalTo("2 fields are invalid"))
                .body("errors.field", containsInAnyOrder("a", "b"))
                .body("errors.reason", equalTo(List.of("is not a known parameter", "is not a known parameter")));
    }

    @Test
    void aCallerWithoutTheRoleIsRefusedFirst() {
        RestAssured.given().queryParam("siteId", "x").queryParam("stauts", "x").get("/api/v1/queue").then().statusCode(401);
        TestKeys.as(TestKeys.create("client", "params-client")).queryParam("stauts", "x").get("/api/v1/queue")
                .then().statusCode(403);
    }

    @Test
    void clientsThatSendParametersOfTheirOwnAreServedAsBefore() throws Exception {
        String client = TestKeys.create("client", "params-perspective");
        String analyze = "{\"comment\": {\"text\": \"What a lovely day\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}";
        RestAssured.given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .queryParam("key", client).queryParam("alt", "json").queryParam("prettyPrint", "false")
                .queryParam("fields", "attributeScores").body(analyze).post("/v1alpha1/comments:analyze").then().statusCode(200);
        RestAssured.given().urlEncodingEnabled(false).get("/$discovery/rest?version=v1alpha1&fields=x&version=v1alpha1")
                .then().statusCode(200);
        TestKeys.as(client).queryParam("debug", "1").body(Map.of("text", "What a lovely day"))
                .post("/api/v1/classify").then().statusCode(200);
        byte[] coral;
        try (InputStream in = KnownParametersTest.class.getResourceAsStream("/coral/new-comment-approve.json")) {
            coral = in.readAllBytes();
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("coral-test-secret-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        RestAssured.given().contentType(ContentType.JSON).header("X-Coral-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(coral)))
                .queryParam("tenant", "news").queryParam("tenant", "other").body(coral).post("/api/v1/coral/moderate")
                .then().statusCode(200);
        RestAssured.given().queryParam("site", "news").queryParam("utm_source", "mail").redirects().follow(false)
                .get("/dashboard/sign-in").then().statusCode(200);
    }

    @Test
    void quarkusOwnEndpointsAreLeftAlone() throws IOException {
        RestAssured.given().queryParam("foo", "1").get("/q/health/live").then().statusCode(200);
        RestAssured.given().queryParam("format", "json").queryParam("foo", "1").get("/q/openapi").then().statusCode(200);
        RestAssured.given().queryParam("foo", "1").get("/q/metrics").then().statusCode(200);
    }
}
