package io.moderato.access.rest;

import io.moderato.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.moderato.TestKeys.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API keys: creation, roles, expiry, revocation, rate limits, and what stays open. */
@QuarkusTest
class AccessTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createdKeysAreShownOnceAndListedByPrefix() {
        String key = asAdmin().body(Map.of("name", "coral-prod", "role", "client"))
                .post("/api/v1/admin/keys").then().statusCode(201)
                .body("key", startsWith("mod_")).body("details.role", equalTo("client")).body("details.active", equalTo(true))
                .body("details.createdBy", equalTo("bootstrap-admin"))
                .extract().path("key");
        String prefix = key.substring(4, key.indexOf('_', 4));
        asAdmin().get("/api/v1/admin/keys").then().statusCode(200)
                .body("prefix", hasItem(prefix))
                .body("find { it.prefix == '" + prefix + "' }.name", equalTo("coral-prod"));
        assertTrue(!asAdmin().get("/api/v1/admin/keys").asString().contains(key), "the full key is never listed");
        TestKeys.as(key).body(Map.of("text", "hello")).post("/api/v1/classify").then().statusCode(200);
    }

    @Test
    void badKeyRequestsAreRefused() {
        asAdmin().body(Map.of("name", " ", "role", "superuser", "expiresAt", "2001-01-01T00:00:00Z", "rateLimitPerMinute", 0))
                .post("/api/v1/admin/keys").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("role"))
                .body("errors.field", hasItem("expiresAt")).body("errors.field", hasItem("rateLimitPerMinute"));
        asAdmin().delete("/api/v1/admin/keys/{prefix}", "doesnotexist").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void expiredKeysStopWorking() throws InterruptedException {
        String key = asAdmin().body(Map.of("name", "short-lived", "role", "client",
                        "expiresAt", Instant.now().plusSeconds(1).toString()))
                .post("/api/v1/admin/keys").then().statusCode(201).extract().path("key");
        int status = 200;
        for (int i = 0; i < 50 && status == 200; i++) {
            Thread.sleep(100);
            status = TestKeys.as(key).body(Map.of("text", "hello")).post("/api/v1/classify").statusCode();
        }
        org.junit.jupiter.api.Assertions.assertEquals(401, status, "the expired key is refused");
    }

    @Test
    void rateLimitsAnswer429WithRetryAfter() {
        String key = asAdmin().body(Map.of("name", "limited", "role", "client", "rateLimitPerMinute", 3))
                .post("/api/v1/admin/keys").then().statusCode(201).extract().path("key");
        for (int i = 0; i < 3; i++) {
            TestKeys.as(key).body(Map.of("text", "hello")).post("/api/v1/classify").then().statusCode(200);
        }
        TestKeys.as(key).body(Map.of("text", "hello")).post("/api/v1/classify")
                .then().statusCode(429).contentType(PROBLEM).header("Retry-After", matchesPattern("\\d+"));
    }

    @Test
    void healthMetricsAndApiDocumentStayOpen() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void everyEndpointIsInTheApiDocument() {
        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : new String[] {"/api/v1/classify", "/api/v1/classify/batch", "/api/v1/comments",
                "/api/v1/comments/{siteId}/{id}", "/api/v1/comments/{siteId}/{id}/decision", "/api/v1/comments/{siteId}/{id}/undo",
                "/api/v1/decisions", "/api/v1/queue", "/api/v1/queue/claim", "/api/v1/queue/release", "/api/v1/audit",
                "/api/v1/authors/{siteId}/{authorId}", "/api/v1/articles/{siteId}/{articleId}/comments", "/api/v1/sites",
                "/api/v1/admin/keys", "/api/v1/admin/keys/{prefix}", "/api/v1/admin/sites/{siteId}/policy",
                "/v1alpha1/comments:analyze", "/v1alpha1/comments:suggestscore", "/api/v1/coral/moderate"}) {
            assertTrue(document.contains("\"" + path + "\""), path + " is missing from the OpenAPI document");
        }
    }

    @Test
    void aKeyOfTheWrongRoleGets403() {
        String client = TestKeys.create("client", "wrong-role");
        TestKeys.as(client).get("/api/v1/admin/keys").then().statusCode(403).contentType(PROBLEM)
                .body("detail", notNullValue());
        TestKeys.as(client).get("/api/v1/audit").then().statusCode(403);
        TestKeys.as(client).body(Map.of("siteId", "s", "count", 1)).post("/api/v1/queue/claim").then().statusCode(403);
    }
}
