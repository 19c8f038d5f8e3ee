package io.moderato.comment.rest;

import io.moderato.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ingest, idempotency, edits, policy decisions and bad input; run on H2 and on PostgreSQL by the subclasses. */
abstract class CommentIngestContract {

    static final String PROBLEM = "application/problem+json";

    static String site() {
        return "site-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> comment(String site, String id, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", site);
        body.put("id", id);
        body.put("article", Map.of("id", "a1", "url", "https://news.example/a1", "title", "Council approves budget"));
        body.put("author", Map.of("id", "u-" + id, "displayName", "Reader " + id));
        body.put("text", text);
        body.put("createdAt", "2026-11-20T10:15:30Z");
        return body;
    }

    @Test
    void ingestIsIdempotentAndEditsKeepHistory() {
        String site = site();
        Map<String, Object> body = comment(site, "c1", "The new bus lanes on Mill Road look sensible to me.");
        String receivedAt = asAdmin().body(body).post("/api/v1/comments")
                .then().statusCode(201).header("Moderato-Ingest-Outcome", "CREATED")
                .body("status", equalTo("APPROVED")).body("revision", equalTo(1))
                .body("attributes.toxicity", notNullValue())
                .extract().path("receivedAt");
        asAdmin().body(body).post("/api/v1/comments")
                .then().statusCode(200).header("Moderato-Ingest-Outcome", "UNCHANGED")
                .body("receivedAt", equalTo(receivedAt)).body("revision", equalTo(1));
        body.put("text", "Edited: the bus lanes are fine but the cycle path is a mess.");
        asAdmin().body(body).post("/api/v1/comments")
                .then().statusCode(200).header("Moderato-Ingest-Outcome", "EDITED").body("revision", equalTo(2));
        asAdmin().get("/api/v1/comments/{site}/{id}", site, "c1")
                .then().statusCode(200)
                .body("history", hasSize(2))
                .body("history[0].text", equalTo("The new bus lanes on Mill Road look sensible to me."))
                .body("history[1].revision", equalTo(2))
                .body("article.title", equalTo("Council approves budget"))
                .body("author.displayName", equalTo("Reader c1"));
        asAdmin().get("/api/v1/audit?siteId={site}&commentId=c1", site).then().statusCode(200)
                .body("entries.action", equalTo(List.of("COMMENT_INGESTED", "COMMENT_EDITED")));
    }

    @Test
    void abuseIsHeldOrRejectedWithReasons() {
        String site = site();
        asAdmin().body(comment(site, "bad", "You are a pathetic idiot and a disgusting traitor, I hope someone shoots you."))
                .post("/api/v1/comments").then().statusCode(201)
                .body("status", org.hamcrest.Matchers.oneOf("REVIEW", "REJECTED"))
                .body("reasons.code", hasItem("ATTRIBUTE_OVER_THRESHOLD"))
                .body("reasons[0].score", greaterThan(0.5f))
                .body("spans.size()", greaterThan(0));
    }

    @Test
    void policyWordListsLinksAndNewCommenters() {
        String site = site();
        Map<String, Object> policy = asAdmin().get("/api/v1/admin/sites/{site}/policy", site)
                .then().statusCode(200).body("stored", equalTo(false)).extract().path("policy");
        policy.put("bannedWords", List.of("idiot"));
        policy.put("suspectWords", List.of("crypto*"));
        policy.put("links", "REVIEW");
        asAdmin().body(policy).put("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200).body("stored", equalTo(true));

        asAdmin().body(comment(site, "w1", "what a 1.d.1.o.t take on the budget")).post("/api/v1/comments")
                .then().statusCode(201).body("status", equalTo("REJECTED"))
                .body("reasons.find { it.code == 'BANNED_WORD' }.word", equalTo("idiot"))
                .body("reasons.find { it.code == 'BANNED_WORD' }.match", equalTo("1.d.1.o.t"));
        asAdmin().body(comment(site, "w2", "Best returns are in CRYPTOCURRENCY, ask me how")).post("/api/v1/comments")
                .then().statusCode(201).body("status", equalTo("REVIEW")).body("reasons.code", hasItem("SUSPECT_WORD"));
        asAdmin().body(comment(site, "w3", "Full report here: https://example.org/report.pdf")).post("/api/v1/comments")
                .then().statusCode(201).body("status", equalTo("REVIEW")).body("reasons.code", hasItem("LINK"));

        policy.put("preModerateNewCommenters", true);
        policy.put("links", "ALLOW");
        asAdmin().body(policy).put("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200);
        asAdmin().body(comment(site, "n1", "First time commenting, lovely photos of the harbour.")).post("/api/v1/comments")
                .then().statusCode(201).body("status", equalTo("REVIEW")).body("reasons.code", hasItem("NEW_COMMENTER"));
    }

    @Test
    void repeatPostsAndAuthorsOftenRejectedAreHeld() {
        String site = site();
        Map<String, Object> policy = asAdmin().get("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200).extract().path("policy");
        policy.put("bannedWords", List.of("idiot"));
        asAdmin().body(policy).put("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200);

        String text = "The library opening hours should be longer on Saturdays.";
        asAdmin().body(byAuthor(comment(site, "p1", text), "spammer")).post("/api/v1/comments")
                .then().statusCode(201).body("status", equalTo("APPROVED"));
        asAdmin().body(byAuthor(comment(site, "p2", "  THE library opening hours should be longer on saturdays. "), "spammer"))
                .post("/api/v1/comments").then().statusCode(201).body("status", equalTo("REVIEW"))
                .body("reasons.code", hasItem("REPEAT_POST"));
        asAdmin().body(byAuthor(comment(site, "p3", text), "someone-else")).post("/api/v1/comments")
                .then().statusCode(201).body("status", equalTo("APPROVED"));

        for (int i = 1; i <= 3; i++) {
            asAdmin().body(byAuthor(comment(site, "r" + i, "Reply " + i + ": what an idiot"), "troll")).post("/api/v1/comments")
                    .then().statusCode(201).body("status", equalTo("REJECTED"));
        }
        asAdmin().body(byAuthor(comment(site, "r4", "Fair point about the harbour wall repairs."), "troll")).post("/api/v1/comments")
                .then().statusCode(201).body("status", equalTo("REVIEW"))
                .body("reasons.find { it.code == 'AUTHOR_REJECTION_RATE' }.score", equalTo(1.0f));
        asAdmin().body(byAuthor(comment(site, "r5", "Fair point about the harbour wall repairs, I agree."), "regular")).post("/api/v1/comments")
                .then().statusCode(201).body("status", equalTo("APPROVED"));
    }

    static Map<String, Object> byAuthor(Map<String, Object> comment, String authorId) {
        comment.put("author", Map.of("id", authorId, "displayName", authorId));
        return comment;
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        String site = site();
        Map<String, Object> body = comment(site, "x1", " ");
        asAdmin().body(body).post("/api/v1/comments").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("text"));
        body.remove("article");
        body.put("siteId", "bad site!");
        asAdmin().body(body).post("/api/v1/comments").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("article")).body("errors.field", hasItem("siteId"));
        asAdmin().body("{\"siteId\":\"s\",\"id\":\"x2\",\"text\":\"hi\",\"createdAt\":\"yesterday\"}").post("/api/v1/comments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("createdAt"));
        asAdmin().get("/api/v1/comments/{site}/{id}", site, "x1").then().statusCode(404).contentType(PROBLEM);
        Map<String, Object> policy = new HashMap<>(Map.of("thresholds", Map.of("toxicity", Map.of("review", 0.9, "reject", 0.5)),
                "bannedWords", List.of("*"), "suspectWords", List.of(), "links", "ALLOW"));
        asAdmin().body(policy).put("/api/v1/admin/sites/{site}/policy", site).then().statusCode(400)
                .body("errors.field", hasItem("thresholds.toxicity")).body("errors.field", hasItem("bannedWords[0]"));
        asAdmin().get("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200).body("stored", equalTo(false));
    }

    @Test
    void rolesAreEnforced() {
        String client = TestKeys.create("client", "test-client");
        String moderator = TestKeys.create("moderator", "test-moderator");
        String site = site();
        TestKeys.as(client).body(comment(site, "r1", "Nice one.")).post("/api/v1/comments").then().statusCode(201);
        TestKeys.as(client).get("/api/v1/admin/sites/{site}/policy", site).then().statusCode(403).contentType(PROBLEM);
        TestKeys.as(moderator).get("/api/v1/admin/sites/{site}/policy", site).then().statusCode(403);
        TestKeys.as(moderator).get("/api/v1/admin/keys").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/comments/{site}/r1", site).then().statusCode(401).contentType(PROBLEM);
        String prefix = asAdmin().get("/api/v1/admin/keys").then().statusCode(200)
                .extract().jsonPath().getString("find { it.name == 'test-client' }.prefix");
        asAdmin().delete("/api/v1/admin/keys/{prefix}", prefix).then().statusCode(200).body("active", equalTo(false));
        TestKeys.as(client).get("/api/v1/comments/{site}/r1", site).then().statusCode(401);
        String secret = client.substring(("mod_" + prefix + "_").length());
        assertEquals(-1, asAdmin().get("/api/v1/admin/keys").asString().indexOf(secret), "secrets are never listed");
    }
}
