package io.moderato.access.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.moderato.TestKeys.as;
import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Keys limited to sites: 403 outside them on every endpoint family that names a site; unlimited keys see all. */
@QuarkusTest
class SiteScopedKeysTest {

    private static final String PROBLEM = "application/problem+json";

    private static String key(String role, List<String> sites) {
        return asAdmin().body(Map.of("name", "scoped-" + role + "-" + UUID.randomUUID(), "role", role, "sites", sites))
                .post("/api/v1/admin/keys").then().statusCode(201).body("details.sites", equalTo(sites)).extract().path("key");
    }

    private static Map<String, Object> comment(String site, String id) {
        return Map.of("siteId", site, "id", id, "article", Map.of("id", "a1"), "author", Map.of("id", "u1"),
                "text", "The bridge closes for repairs next week.");
    }

    @Test
    void scopedKeysActOnTheirSitesOnly() {
        String mine = "scope-mine-" + UUID.randomUUID().toString().substring(0, 6);
        String other = "scope-other-" + UUID.randomUUID().toString().substring(0, 6);
        asAdmin().body(comment(other, "o1")).post("/api/v1/comments").then().statusCode(201);
        String client = key("client", List.of(mine));
        String moderator = key("moderator", List.of(mine));

        as(client).body(comment(mine, "m1")).post("/api/v1/comments").then().statusCode(201);
        as(client).get("/api/v1/comments/{s}/m1", mine).then().statusCode(200);
        List<Function<RequestSpecification, io.restassured.response.Response>> refusedForClient = List.of(
                r -> r.body(comment(other, "o2")).post("/api/v1/comments"),
                r -> r.get("/api/v1/comments/{s}/o1", other));
        for (var call : refusedForClient) {
            call.apply(as(client)).then().statusCode(403).contentType(PROBLEM);
        }
        as(client).body(Map.of("text", "No site here.")).post("/api/v1/classify").then().statusCode(200);

        as(moderator).queryParam("siteId", mine).get("/api/v1/queue").then().statusCode(200);
        as(moderator).queryParam("siteId", mine).get("/api/v1/audit").then().statusCode(200);
        as(moderator).get("/api/v1/sites").then().statusCode(200).body("$", contains(mine));
        asAdmin().get("/api/v1/sites").then().statusCode(200).body("$", hasItems(mine, other));
        List<Function<RequestSpecification, io.restassured.response.Response>> refusedForModerator = List.of(
                r -> r.queryParam("siteId", other).get("/api/v1/queue"),
                r -> r.body(Map.of("siteId", other, "count", 1)).post("/api/v1/queue/claim"),
                r -> r.body(Map.of("siteId", other)).post("/api/v1/queue/release"),
                r -> r.body(Map.of("decision", "APPROVE")).post("/api/v1/comments/{s}/o1/decision", other),
                r -> r.body(Map.of("siteId", other, "decisions", List.of(Map.of("id", "o1", "decision", "REJECT")))).post("/api/v1/decisions"),
                r -> r.post("/api/v1/comments/{s}/o1/undo", other),
                r -> r.get("/api/v1/authors/{s}/u1", other),
                r -> r.get("/api/v1/articles/{s}/a1/comments", other),
                r -> r.queryParam("siteId", other).get("/api/v1/stats"),
                r -> r.queryParam("siteId", other).get("/api/v1/audit"),
                r -> r.get("/api/v1/audit"),
                r -> r.get("/api/v1/comments/{s}/o1", other));
        for (var call : refusedForModerator) {
            call.apply(as(moderator)).then().statusCode(403).contentType(PROBLEM);
        }
        asAdmin().get("/api/v1/comments/{s}/o1", other).then().statusCode(200).body("status", not(equalTo("REJECTED")));
    }

    @Test
    void unscopedKeysKeepWorkingAndAdminsCannotBeScoped() {
        String client = asAdmin().body(Map.of("name", "unscoped-" + UUID.randomUUID(), "role", "client"))
                .post("/api/v1/admin/keys").then().statusCode(201).extract().path("key");
        String site = "scope-any-" + UUID.randomUUID().toString().substring(0, 6);
        as(client).body(comment(site, "x1")).post("/api/v1/comments").then().statusCode(201);
        asAdmin().body(Map.of("name", "scoped-admin", "role", "admin", "sites", List.of(site))).post("/api/v1/admin/keys")
                .then().statusCode(400).body("errors.field", hasItem("sites"));
        asAdmin().body(Map.of("name", "bad-sites", "role", "client", "sites", List.of("not a site"))).post("/api/v1/admin/keys")
                .then().statusCode(400).body("errors.field", hasItem("sites[0]"));
        // A misspelt sites would give the key every site: refused, like any unknown field.
        String name = "typo-" + UUID.randomUUID();
        asAdmin().body(Map.of("name", name, "role", "client", "site", List.of(site))).post("/api/v1/admin/keys")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("site"))
                .body("errors[0].reason", equalTo("is not a known field"));
        asAdmin().body("null").post("/api/v1/admin/keys").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"));
        asAdmin().get("/api/v1/admin/keys").then().statusCode(200).body("name", not(hasItem(name)));
    }
}
