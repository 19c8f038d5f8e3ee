package io.moderato.review.rest;

import io.moderato.TestKeys;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queues, claims, decisions, undo and context views; run on H2 and on PostgreSQL by the subclasses. */
abstract class ReviewContract {

    static final String PROBLEM = "application/problem+json";

    /** A site whose policy holds every comment containing "hold", so tests control what is queued. */
    static String heldSite() {
        String site = "review-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> policy = new HashMap<>();
        policy.put("suspectWords", List.of("hold"));
        policy.put("links", "ALLOW");
        asAdmin().body(policy).put("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200);
        return site;
    }

    static void ingest(String site, String id, String article, String author, String text) {
        asAdmin().body(Map.of("siteId", site, "id", id, "article", Map.of("id", article, "title", "Article " + article),
                        "author", Map.of("id", author, "displayName", "Author " + author), "text", text))
                .post("/api/v1/comments").then().statusCode(201);
    }

    @Test
    void queuePagesAreStableAndFiltersWork() {
        String site = heldSite();
        for (int i = 0; i < 12; i++) {
            String text = i % 3 == 0 ? "hold on, the match on Saturday was a great game for the striker #" + i
                    : "hold this comment please, number " + i + ", about the council budget";
            ingest(site, "q" + i, i % 2 == 0 ? "even" : "odd", "a" + i, text);
        }
        for (String sort : List.of("time", "score")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = TestKeys.asAdmin().queryParam("siteId", site).queryParam("sort", sort).queryParam("limit", 5);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/queue").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null);
            assertEquals(3, pages, sort);
            assertEquals(12, seen.size(), sort);
            assertEquals(12, new HashSet<>(seen).size(), "no item twice when sorting by " + sort);
        }
        asAdmin().queryParam("siteId", site).queryParam("articleId", "even").get("/api/v1/queue")
                .then().statusCode(200).body("items", hasSize(6)).body("items.article.id", org.hamcrest.Matchers.everyItem(equalTo("even")));
        asAdmin().queryParam("siteId", site).queryParam("topic", "medtop:15000000").get("/api/v1/queue")
                .then().statusCode(200).body("items.id", hasItem("q0"));
        asAdmin().queryParam("siteId", site).queryParam("status", "APPROVED").get("/api/v1/queue")
                .then().statusCode(200).body("items", hasSize(0));
        asAdmin().queryParam("siteId", site).queryParam("sort", "loudness").queryParam("attribute", "rudeness")
                .queryParam("topic", "sport").get("/api/v1/queue")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("sort")).body("errors.field", hasItem("attribute")).body("errors.field", hasItem("topic"));
        asAdmin().queryParam("siteId", site).queryParam("cursor", "garbage!").get("/api/v1/queue")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void concurrentClaimersNeverShareAComment() throws Exception {
        String site = heldSite();
        int comments = 40;
        for (int i = 0; i < comments; i++) {
            ingest(site, "c" + i, "a", "u" + i, "hold: reader comment number " + i + " on the transport plan");
        }
        int moderators = 6;
        List<String> keys = new ArrayList<>();
        for (int m = 0; m < moderators; m++) {
            keys.add(TestKeys.create("moderator", "claimer-" + m + "-" + site));
        }
        ExecutorService pool = Executors.newFixedThreadPool(moderators);
        List<Future<List<String>>> results = new ArrayList<>();
        for (String key : keys) {
            // Each moderator claims a batch, decides it, and claims again until the queue is empty.
            Callable<List<String>> claimer = () -> {
                List<String> mine = new ArrayList<>();
                for (int round = 0; round < 50; round++) {
                    List<String> got = TestKeys.as(key).body(Map.of("siteId", site, "count", 3))
                            .post("/api/v1/queue/claim").then().statusCode(200).extract().jsonPath().getList("items.id");
                    if (got.isEmpty()) {
                        break;
                    }
                    for (String id : got) {
                        TestKeys.as(key).body(Map.of("decision", "APPROVE", "expectedStatus", "REVIEW"))
                                .post("/api/v1/comments/{site}/{id}/decision", site, id).then().statusCode(200);
                    }
                    mine.addAll(got);
                }
                return mine;
            };
            results.add(pool.submit(claimer));
        }
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<String>> result : results) {
            all.addAll(new HashSet<>(result.get(2, TimeUnit.MINUTES)));
        }
        pool.shutdown();
        Set<String> distinct = new HashSet<>(all);
        assertEquals(all.size(), distinct.size(), "a comment was claimed by two moderators");
        assertEquals(comments, distinct.size(), "every held comment was claimed and decided");
        asAdmin().queryParam("siteId", site).get("/api/v1/queue").then().statusCode(200).body("items", hasSize(0));
        // A comment claimed by one moderator cannot be decided by another.
        ingest(site, "late", "a", "u-late", "hold: one more");
        String first = keys.get(0);
        TestKeys.as(first).body(Map.of("siteId", site, "count", 1)).post("/api/v1/queue/claim").then().statusCode(200)
                .body("items.id", equalTo(List.of("late")));
        TestKeys.as(keys.get(1)).body(Map.of("decision", "APPROVE")).post("/api/v1/comments/{site}/late/decision", site)
                .then().statusCode(409).contentType(PROBLEM);
        TestKeys.as(first).body(Map.of("siteId", site)).post("/api/v1/queue/release").then().statusCode(200).body("released", equalTo(1));
        TestKeys.as(keys.get(1)).body(Map.of("decision", "APPROVE")).post("/api/v1/comments/{site}/late/decision", site)
                .then().statusCode(200);
    }

    @Test
    void decisionsAreAuditedConflictsAre409AndUndoWorks() {
        String site = heldSite();
        ingest(site, "d1", "a", "u1", "hold: first comment");
        ingest(site, "d2", "a", "u2", "hold: second comment");
        String alice = TestKeys.create("moderator", "alice-" + site);
        String bob = TestKeys.create("moderator", "bob-" + site);

        TestKeys.as(alice).body(Map.of("decision", "APPROVE", "reason", "fine", "note", "ok", "expectedRevision", 1))
                .post("/api/v1/comments/{site}/d1/decision", site)
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("alice-" + site));
        TestKeys.as(bob).body(Map.of("decision", "REJECT")).post("/api/v1/comments/{site}/d1/decision", site)
                .then().statusCode(409).contentType(PROBLEM);
        TestKeys.as(bob).body(Map.of("decision", "REJECT", "expectedStatus", "REVIEW")).post("/api/v1/comments/{site}/d1/decision", site)
                .then().statusCode(409);
        TestKeys.as(bob).body(Map.of("decision", "REJECT", "expectedRevision", 7)).post("/api/v1/comments/{site}/d2/decision", site)
                .then().statusCode(409);
        TestKeys.as(bob).body(Map.of("decision", "MAYBE")).post("/api/v1/comments/{site}/d2/decision", site)
                .then().statusCode(400).body("errors[0].field", equalTo("decision"));
        TestKeys.as(bob).body(Map.of("decision", "REJECT")).post("/api/v1/comments/{site}/nope/decision", site)
                .then().statusCode(404).contentType(PROBLEM);

        TestKeys.as(bob).post("/api/v1/comments/{site}/d1/undo", site).then().statusCode(409);
        TestKeys.as(alice).post("/api/v1/comments/{site}/d1/undo", site).then().statusCode(200).body("status", equalTo("REVIEW"));
        TestKeys.as(alice).post("/api/v1/comments/{site}/d1/undo", site).then().statusCode(409);

        JsonPath audit = asAdmin().queryParam("siteId", site).queryParam("commentId", "d1").get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("COMMENT_INGESTED", "COMMENT_DECIDED", "DECISION_UNDONE"), audit.getList("entries.action"));
        assertEquals("REVIEW", audit.getString("entries[1].previousStatus"));
        assertEquals("APPROVED", audit.getString("entries[1].newStatus"));
        assertEquals("ok", audit.getString("entries[1].note"));
        assertTrue(audit.getMap("entries[1].scores").containsKey("toxicity"), "the model's scores are recorded");
    }

    @Test
    void aMisspeltDecisionFieldDecidesNothing() {
        String site = heldSite();
        ingest(site, "m1", "a", "u1", "hold: first comment");
        ingest(site, "m2", "a", "u2", "hold: second comment");
        String moderator = TestKeys.create("moderator", "typo-" + site);
        // Each would be decided without the check or the words it meant to carry: the comment is still at revision 1,
        // in review, so a dropped expectedRevision 7 or expectedStatus APPROVED would no longer stop the decision.
        Map<String, Map<String, Object>> typos = Map.of(
                "expectedRevison", Map.of("decision", "REJECT", "expectedRevison", 7),
                "expectedstatus", Map.of("decision", "REJECT", "expectedstatus", "APPROVED"),
                "notes", Map.of("decision", "REJECT", "notes", "repeat offender"),
                "reasons", Map.of("decision", "REJECT", "reasons", "insult"));
        typos.forEach((field, body) -> TestKeys.as(moderator).body(body).post("/api/v1/comments/{site}/m1/decision", site)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of(field)))
                .body("errors[0].reason", equalTo("is not a known field")));
        TestKeys.as(moderator).body("null").post("/api/v1/comments/{site}/m1/decision", site).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("body"));

        // In bulk: a misspelt field of one decision, or of the request, refuses the whole request.
        TestKeys.as(moderator).body(Map.of("siteId", site, "decisions", List.of(Map.of("id", "m1", "decision", "REJECT"),
                        Map.of("id", "m2", "decision", "REJECT", "expectedRevison", 7))))
                .post("/api/v1/decisions").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("decisions[1].expectedRevison")))
                .body("errors[0].reason", equalTo("is not a known field"));
        TestKeys.as(moderator).body(Map.of("siteId", site, "note", "spam wave", "decisions", List.of(Map.of("id", "m1", "decision", "REJECT"))))
                .post("/api/v1/decisions").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("note")))
                .body("errors[0].reason", equalTo("is not a known field"));

        for (String id : List.of("m1", "m2")) {
            asAdmin().get("/api/v1/comments/{site}/{id}", site, id).then().statusCode(200)
                    .body("status", equalTo("REVIEW")).body("revision", equalTo(1)).body("decidedBy", org.hamcrest.Matchers.nullValue());
        }
        asAdmin().queryParam("siteId", site).queryParam("action", "COMMENT_DECIDED").get("/api/v1/audit")
                .then().statusCode(200).body("entries", hasSize(0));
        // Spelt right, the same check stops the decision.
        TestKeys.as(moderator).body(Map.of("decision", "REJECT", "expectedRevision", 7)).post("/api/v1/comments/{site}/m1/decision", site)
                .then().statusCode(409);
    }

    @Test
    void aMisspeltClaimOrReleaseFieldClaimsAndReleasesNothing() {
        String site = heldSite();
        for (int i = 0; i < 3; i++) {
            ingest(site, "h" + i, "a", "u" + i, "hold: comment " + i);
        }
        String alice = TestKeys.create("moderator", "alice-claims-" + site);
        String bob = TestKeys.create("moderator", "bob-claims-" + site);
        String carol = TestKeys.create("moderator", "carol-claims-" + site);
        // Dropped, "cout" would claim the default 10 (here all three), "durationSecond" hold them for the default time.
        TestKeys.as(alice).body(Map.of("siteId", site, "cout", 1)).post("/api/v1/queue/claim").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("cout")))
                .body("errors[0].reason", equalTo("is not a known field"));
        TestKeys.as(bob).body(Map.of("siteId", site, "count", 1, "durationSecond", 3600)).post("/api/v1/queue/claim")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("durationSecond")))
                .body("errors[0].reason", equalTo("is not a known field"));
        TestKeys.as(alice).body(Map.of("siteId", site, "count", 1)).post("/api/v1/queue/claim").then().statusCode(200)
                .body("items", hasSize(1));
        TestKeys.as(bob).body(Map.of("siteId", site, "count", 10)).post("/api/v1/queue/claim").then().statusCode(200)
                .body("items", hasSize(2));
        // Dropped, "ids" would release every claim of alice's on the site, not some.
        TestKeys.as(alice).body(Map.of("siteId", site, "ids", List.of("h0"))).post("/api/v1/queue/release").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("ids")))
                .body("errors[0].reason", equalTo("is not a known field"));
        TestKeys.as(alice).body("null").post("/api/v1/queue/release").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"));
        TestKeys.as(carol).body(Map.of("siteId", site, "count", 10)).post("/api/v1/queue/claim").then().statusCode(200)
                .body("items", hasSize(0));
        TestKeys.as(alice).body(Map.of("siteId", site)).post("/api/v1/queue/release").then().statusCode(200)
                .body("released", equalTo(1));
    }

    @Test
    void bulkDecisionsStandAlone() {
        String site = heldSite();
        ingest(site, "b1", "a", "u1", "hold: one");
        ingest(site, "b2", "a", "u2", "hold: two");
        String moderator = TestKeys.create("moderator", "bulk-" + site);
        TestKeys.as(moderator).body(Map.of("decision", "REJECT")).post("/api/v1/comments/{site}/b2/decision", site).then().statusCode(200);
        TestKeys.as(moderator).body(Map.of("siteId", site, "decisions", List.of(
                        Map.of("id", "b1", "decision", "APPROVE"),
                        Map.of("id", "b2", "decision", "APPROVE"),
                        Map.of("id", "missing", "decision", "REJECT"))))
                .post("/api/v1/decisions")
                .then().statusCode(200)
                .body("results.status", equalTo(List.of(200, 409, 404)))
                .body("results[0].comment.status", equalTo("APPROVED"))
                .body("results[1].problem.status", equalTo(409));
        TestKeys.as(moderator).body(Map.of("siteId", site, "decisions", List.of(Map.of("id", "b1", "decision", "APPROVE"),
                        Map.of("id", "b1", "decision", "REJECT"))))
                .post("/api/v1/decisions").then().statusCode(400).body("errors[0].field", equalTo("decisions[1].id"));
    }

    @Test
    void authorHistoryThreadAndSites() {
        String site = heldSite();
        ingest(site, "t1", "art", "ann", "First! Great piece on the harbour.");
        ingest(site, "t2", "art", "ann", "hold: replying to myself, still about the harbour");
        ingest(site, "t3", "art", "ben", "I disagree about the harbour plans.");
        asAdmin().get("/api/v1/authors/{site}/ann", site).then().statusCode(200)
                .body("recent.id", equalTo(List.of("t2", "t1")))
                .body("counts.REVIEW", equalTo(1)).body("counts.APPROVED", equalTo(1))
                .body("displayName", equalTo("Author ann"));
        asAdmin().get("/api/v1/articles/{site}/art/comments", site).then().statusCode(200)
                .body("comments.id", equalTo(List.of("t1", "t2", "t3"))).body("title", equalTo("Article art"))
                .body("comments.status", equalTo(List.of("APPROVED", "REVIEW", "APPROVED")));
        asAdmin().get("/api/v1/sites").then().statusCode(200).body("$", hasItem(site));
        String client = TestKeys.create("client", "client-" + site);
        TestKeys.as(client).queryParam("siteId", site).get("/api/v1/queue").then().statusCode(403).contentType(PROBLEM);
        TestKeys.as(client).get("/api/v1/authors/{site}/ann", site).then().statusCode(403);
    }
}
