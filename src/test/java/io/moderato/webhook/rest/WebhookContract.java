package io.moderato.webhook.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.ModerationFixtures;
import io.moderato.TestKeys;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.CommentStatusChanged;
import io.moderato.webhook.repository.DeliveryStatus;
import io.moderato.webhook.repository.WebhookDeliveryEntity;
import io.moderato.webhook.repository.WebhookDeliveryRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook admin API, outbox, signing, retries, rotation and filters; on H2 and PostgreSQL by the subclasses. */
abstract class WebhookContract {

    static final String PROBLEM = "application/problem+json";
    static final String WEBHOOKS = "/api/v1/admin/webhooks";

    @Inject
    ModerationFixtures fixtures;

    @Inject
    WebhookDeliveryRepository deliveryRepository;

    private final ObjectMapper json = new ObjectMapper();

    static String site() {
        return "hook-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> comment(String site, String id, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", site);
        body.put("id", id);
        body.put("article", Map.of("id", "a1", "url", "https://news.example/a1", "title", "Harbour works"));
        body.put("author", Map.of("id", "u-" + id, "displayName", "Reader " + id));
        body.put("text", text);
        return body;
    }

    /** @return the created endpoint's answer (secret and endpoint) */
    static JsonPath createEndpoint(String url, String siteId, boolean active, String... events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", List.of(events));
        body.put("siteId", siteId);
        body.put("active", active);
        return asAdmin().body(body).post(WEBHOOKS).then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("endpoint.id", notNullValue())
                .extract().jsonPath();
    }

    static List<Map<String, Object>> deliveries(long endpointId) {
        return asAdmin().get(WEBHOOKS + "/{id}/deliveries", endpointId).then().statusCode(200)
                .extract().jsonPath().getList("deliveries");
    }

    /** Waits (generously) until the endpoint's newest-first log satisfies the condition. */
    static List<Map<String, Object>> awaitDeliveries(long endpointId, java.util.function.Predicate<List<Map<String, Object>>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<Map<String, Object>> log = deliveries(endpointId);
        while (!done.test(log) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            log = deliveries(endpointId);
        }
        assertTrue(done.test(log), "delivery log never got there: " + log);
        return log;
    }

    JsonNode read(String body) throws Exception {
        return json.readTree(body);
    }

    @Test
    void queuedUnqueuedAndDecidedCommentsAreDeliveredSigned() throws Exception {
        String site = site();
        try (WebhookReceiver receiver = new WebhookReceiver(204); WebhookReceiver decisionsReceiver = new WebhookReceiver(200)) {
            JsonPath created = createEndpoint(receiver.url(), site, true, "comment.queued", "comment.unqueued");
            long id = created.getLong("endpoint.id");
            String secret = created.getString("secret");
            JsonPath decisions = createEndpoint(decisionsReceiver.url(), site, true, "comment.decided");
            long decisionsId = decisions.getLong("endpoint.id");
            String decisionsSecret = decisions.getString("secret");

            asAdmin().body(comment(site, "plain", "The new bus lanes on Mill Road look sensible to me.")).post("/api/v1/comments")
                    .then().statusCode(201).body("status", equalTo("APPROVED"));
            assertEquals(List.of(), deliveries(id), "an approved new comment neither enters nor leaves the queue");

            asAdmin().body(comment(site, "c1", "Full report here: https://example.org/report.pdf")).post("/api/v1/comments")
                    .then().statusCode(201).body("status", equalTo("REVIEW"));
            WebhookReceiver.Received queued = receiver.await(1).get(0);
            assertTrue(WebhookReceiver.verifies(queued, secret), "signature verifies: " + queued);
            assertFalse(WebhookReceiver.verifies(queued, "whsec_wrong"));
            assertEquals(1, WebhookReceiver.signatureCount(queued));
            JsonNode payload = read(queued.body());
            assertEquals(queued.id(), payload.get("id").asText());
            assertEquals("comment.queued", payload.get("type").asText());
            assertEquals(site, payload.get("siteId").asText());
            assertEquals("c1", payload.get("commentId").asText());
            assertTrue(payload.get("previousStatus").isNull());
            assertEquals("REVIEW", payload.get("newStatus").asText());
            assertEquals("moderato", payload.get("actor").asText());
            Instant.parse(payload.get("occurredAt").asText());
            assertTrue(Math.abs(Long.parseLong(queued.timestamp()) - Instant.now().getEpochSecond()) < 300);

            // An edit without the link is approved by the policy: the comment leaves the queue.
            asAdmin().body(comment(site, "c1", "The harbour works look sensible to me.")).post("/api/v1/comments")
                    .then().statusCode(200).body("status", equalTo("APPROVED"));
            WebhookReceiver.Received unqueued = receiver.await(2).get(1);
            assertTrue(WebhookReceiver.verifies(unqueued, secret));
            JsonNode second = read(unqueued.body());
            assertEquals("comment.unqueued", second.get("type").asText());
            assertEquals("REVIEW", second.get("previousStatus").asText());
            assertEquals("APPROVED", second.get("newStatus").asText());
            assertNotEquals(queued.id(), unqueued.id());

            // A moderator's decision through the review API: the comment leaves the queue, and it is a decision.
            asAdmin().body(comment(site, "c2", "More here: https://example.org/more")).post("/api/v1/comments")
                    .then().statusCode(201).body("status", equalTo("REVIEW"));
            assertEquals(List.of(), deliveries(decisionsId), "the policy's own changes are no decisions");
            String moderator = "desk-" + site;
            TestKeys.as(TestKeys.create("moderator", moderator)).body(Map.of("decision", "REJECT"))
                    .post("/api/v1/comments/{site}/c2/decision", site).then().statusCode(200);
            WebhookReceiver.Received decidedRequest = decisionsReceiver.await(1).get(0);
            assertTrue(WebhookReceiver.verifies(decidedRequest, decisionsSecret));
            JsonNode decided = read(decidedRequest.body());
            assertEquals("comment.decided", decided.get("type").asText());
            assertEquals("c2", decided.get("commentId").asText());
            assertEquals("REVIEW", decided.get("previousStatus").asText());
            assertEquals("REJECTED", decided.get("newStatus").asText());
            assertEquals(moderator, decided.get("actor").asText());
            List<WebhookReceiver.Received> requests = receiver.await(4);
            assertTrue(requests.stream().anyMatch(r -> r.body().contains("\"commentId\":\"c2\"")
                    && r.body().contains("\"type\":\"comment.unqueued\"") && r.body().contains("\"actor\":\"" + moderator + "\"")),
                    "the decision also took c2 out of the queue: " + requests);

            List<Map<String, Object>> log = awaitDeliveries(id, l -> l.size() == 4
                    && l.stream().allMatch(d -> "DELIVERED".equals(d.get("status"))));
            assertEquals(List.of("comment.unqueued", "comment.queued", "comment.unqueued", "comment.queued"),
                    log.stream().map(d -> d.get("event")).toList());
            assertTrue(log.get(0).get("eventId") != null && !log.get(0).get("eventId").equals(decided.get("id").asText()),
                    "each event has its own id");
            assertEquals(1, log.get(0).get("attempts"));
            assertEquals(204, log.get(0).get("lastStatusCode"));
            assertEquals(null, log.get(0).get("nextAttemptAt"));
            assertTrue(log.get(0).get("deliveredAt") != null);
            asAdmin().delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
            asAdmin().delete(WEBHOOKS + "/{id}", decisionsId).then().statusCode(204);
        }
    }

    @Test
    void failedAttemptsAreRetriedThenDeliveredOrGivenUp() throws Exception {
        String site = site();
        try (WebhookReceiver flaky = new WebhookReceiver(200, 500, 502);
             WebhookReceiver down = new WebhookReceiver(503)) {
            long flakyId = createEndpoint(flaky.url(), site, true, "comment.decided").getLong("endpoint.id");
            long downId = createEndpoint(down.url(), site, true, "comment.decided").getLong("endpoint.id");
            fixtures.fire(new CommentStatusChanged(site, "c1", CommentStatus.REVIEW, CommentStatus.REJECTED, "alice", Instant.now()));

            List<Map<String, Object>> log = awaitDeliveries(flakyId, l -> l.size() == 1 && "DELIVERED".equals(l.get(0).get("status")));
            assertEquals(3, log.get(0).get("attempts"));
            assertEquals(200, log.get(0).get("lastStatusCode"));
            List<WebhookReceiver.Received> requests = flaky.await(3);
            assertEquals(3, requests.size());
            assertEquals(1, requests.stream().map(WebhookReceiver.Received::id).distinct().count(), "retries resend the same event");
            assertEquals(1, requests.stream().map(WebhookReceiver.Received::body).distinct().count(), "and the same body");

            // The test profile allows 4 attempts.
            log = awaitDeliveries(downId, l -> l.size() == 1 && "FAILED".equals(l.get(0).get("status")));
            assertEquals(4, log.get(0).get("attempts"));
            assertEquals(503, log.get(0).get("lastStatusCode"));
            assertEquals("HTTP 503", log.get(0).get("lastError"));
            assertEquals(null, log.get(0).get("nextAttemptAt"));
            assertEquals(4, down.received().size());
            asAdmin().delete(WEBHOOKS + "/{id}", flakyId).then().statusCode(204);
            asAdmin().delete(WEBHOOKS + "/{id}", downId).then().statusCode(204);
        }
    }

    @Test
    void rotationSignsWithBothSecretsDuringTheGracePeriod() throws Exception {
        String site = site();
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            JsonPath created = createEndpoint(receiver.url(), site, true, "comment.queued");
            long id = created.getLong("endpoint.id");
            String oldSecret = created.getString("secret");
            asAdmin().get(WEBHOOKS + "/{id}", id).then().statusCode(200)
                    .body("previousSecretValidUntil", nullValue())
                    .body("secretHint", equalTo(oldSecret.substring(0, 10) + "…"));

            String newSecret = asAdmin().post(WEBHOOKS + "/{id}/rotate-secret", id).then().statusCode(200)
                    .body("endpoint.previousSecretValidUntil", notNullValue())
                    .extract().path("secret");
            assertNotEquals(oldSecret, newSecret);
            String shown = asAdmin().get(WEBHOOKS + "/{id}", id).then().statusCode(200)
                    .body("secretHint", equalTo(newSecret.substring(0, 10) + "…"))
                    .body("previousSecretValidUntil", notNullValue()).extract().asString();
            String listed = asAdmin().get(WEBHOOKS).then().statusCode(200).extract().asString();
            for (String secret : List.of(oldSecret, newSecret)) {
                assertFalse(shown.contains(secret.substring(10)) || listed.contains(secret.substring(10)), "secrets are never shown again");
            }

            fixtures.fire(new CommentStatusChanged(site, "c1", null, CommentStatus.REVIEW, "moderato", Instant.now()));
            WebhookReceiver.Received request = receiver.await(1).get(0);
            assertEquals(2, WebhookReceiver.signatureCount(request));
            assertTrue(WebhookReceiver.verifies(request, newSecret), "receivers that switched verify");
            assertTrue(WebhookReceiver.verifies(request, oldSecret), "receivers that did not switch yet still verify");
            assertTrue(request.signature().indexOf(io.moderato.webhook.WebhookSignature.hmac(newSecret,
                    Long.parseLong(request.timestamp()), request.body())) < request.signature().lastIndexOf("v1="), "current secret first");
            asAdmin().delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
        }
    }

    @Test
    void endpointsGetOnlyTheirEventsAndSites() throws Exception {
        String site1 = site();
        String site2 = site();
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            long decided1 = createEndpoint(receiver.url(), site1, true, "comment.decided").getLong("endpoint.id");
            long site2All = createEndpoint(receiver.url(), site2, true, "comment.queued", "comment.unqueued", "comment.decided").getLong("endpoint.id");
            long everySiteQueued = createEndpoint(receiver.url(), null, true, "comment.queued").getLong("endpoint.id");
            long inactive = createEndpoint(receiver.url(), site1, false, "comment.queued", "comment.unqueued", "comment.decided").getLong("endpoint.id");
            try {
                fixtures.fire(new CommentStatusChanged(site1, "c1", null, CommentStatus.REVIEW, "moderato", Instant.now()));
                fixtures.fire(new CommentStatusChanged(site1, "c1", CommentStatus.REVIEW, CommentStatus.APPROVED, "alice", Instant.now()));
                fixtures.fire(new CommentStatusChanged(site2, "c2", CommentStatus.APPROVED, CommentStatus.REJECTED, "bob", Instant.now()));

                assertEquals(List.of("comment.decided"), events(decided1, site1, site2));
                assertEquals(List.of("comment.decided"), events(site2All, site1, site2), "site 2 had only a decision (no queue change)");
                assertEquals(List.of("comment.queued"), events(everySiteQueued, site1, site2));
                assertEquals(List.of(), events(inactive, site1, site2));
                assertEquals(site1, deliveries(decided1).get(0).get("siteId"));
                assertEquals(site2, deliveries(site2All).get(0).get("siteId"));
                receiver.await(3);
            } finally {
                for (long id : List.of(decided1, site2All, everySiteQueued, inactive)) {
                    asAdmin().delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
                }
            }
        }
    }

    private static List<Object> events(long endpointId, String... sites) {
        return deliveries(endpointId).stream().filter(d -> List.of(sites).contains(d.get("siteId")))
                .map(d -> d.get("event")).toList();
    }

    @Test
    void noDeliveryIsRecordedForARolledBackChange() throws Exception {
        String site = site();
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            long id = createEndpoint(receiver.url(), site, true, "comment.queued").getLong("endpoint.id");
            fixtures.fireThenRollBack(new CommentStatusChanged(site, "gone", null, CommentStatus.REVIEW, "moderato", Instant.now()));
            // The outbox row is written synchronously in the event's transaction: nothing to wait for.
            assertEquals(List.of(), deliveries(id));
            fixtures.fire(new CommentStatusChanged(site, "kept", null, CommentStatus.REVIEW, "moderato", Instant.now()));
            assertEquals(1, deliveries(id).size());
            WebhookReceiver.Received request = receiver.await(1).get(0);
            assertEquals("kept", read(request.body()).get("commentId").asText());
            awaitDeliveries(id, l -> "DELIVERED".equals(l.get(0).get("status")));
            assertEquals(1, receiver.received().size());
            asAdmin().delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
        }
    }

    @Test
    void concurrentDispatchersClaimADeliveryOnce() throws Exception {
        String site = site();
        long endpointId = createEndpoint("http://127.0.0.1:9/unused", site, false, "comment.queued").getLong("endpoint.id");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Due in an hour: the running dispatcher leaves it alone; only the claimers below race for it.
        long deliveryId = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDeliveryEntity d = new WebhookDeliveryEntity();
            d.endpointId = endpointId;
            d.eventId = UUID.randomUUID().toString();
            d.eventType = "comment.queued";
            d.siteId = site;
            d.payload = "{}";
            d.status = DeliveryStatus.PENDING;
            d.createdAt = now;
            d.nextAttemptAt = now.plus(Duration.ofHours(1));
            deliveryRepository.persist(d);
            return d.id;
        });
        int claimers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < claimers; i++) {
                Callable<Boolean> claim = () -> {
                    go.await();
                    return QuarkusTransaction.requiringNew().call(() ->
                            deliveryRepository.claim(deliveryId, now, now.plus(Duration.ofMinutes(1))));
                };
                claims.add(pool.submit(claim));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertEquals(1, won, "exactly one of " + claimers + " concurrent claimers owns the delivery");
        } finally {
            pool.shutdown();
        }
        // A claim lapses: once it has, another dispatcher may take the delivery over.
        assertFalse(QuarkusTransaction.requiringNew().call(() ->
                deliveryRepository.claim(deliveryId, now.plusSeconds(30), now.plus(Duration.ofMinutes(2)))));
        assertTrue(QuarkusTransaction.requiringNew().call(() ->
                deliveryRepository.claim(deliveryId, now.plus(Duration.ofMinutes(2)), now.plus(Duration.ofMinutes(3)))));
        asAdmin().delete(WEBHOOKS + "/{id}", endpointId).then().statusCode(204);
    }

    @Test
    void adminApiChecksItsInputAndCanChangeAndDeleteEndpoints() {
        Map<String, Object> good = new HashMap<>(Map.of("url", "https://hooks.example/moderato", "events", List.of("comment.queued")));
        for (String url : List.of("ftp://hooks.example/x", "not a url", "/relative/path", "https://", " ")) {
            Map<String, Object> bad = new HashMap<>(good);
            bad.put("url", url);
            asAdmin().body(bad).post(WEBHOOKS).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("url"));
        }
        Map<String, Object> bad = new HashMap<>(good);
        bad.put("events", List.of("comment.queued", "comment.deleted"));
        asAdmin().body(bad).post(WEBHOOKS).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("events[1]"));
        bad.put("events", List.of());
        bad.put("siteId", "bad site!");
        bad.remove("url");
        asAdmin().body(bad).post(WEBHOOKS).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("events")).body("errors.field", hasItem("siteId")).body("errors.field", hasItem("url"));
        asAdmin().post(WEBHOOKS).then().statusCode(400).contentType(PROBLEM);
        asAdmin().body("{\"url\": 5, \"events\": \"comment.queued\"}").post(WEBHOOKS).then().statusCode(400).contentType(PROBLEM);

        long id = asAdmin().body(good).post(WEBHOOKS).then().statusCode(201)
                .body("endpoint.active", equalTo(true)).body("endpoint.siteId", nullValue())
                .body("endpoint.createdBy", equalTo("bootstrap-admin"))
                .extract().jsonPath().getLong("endpoint.id");
        Map<String, Object> change = Map.of("url", "http://hooks.example/v2", "events", List.of("comment.decided", "comment.unqueued"),
                "siteId", "news", "active", false);
        asAdmin().body(change).put(WEBHOOKS + "/{id}", id).then().statusCode(200)
                .body("url", equalTo("http://hooks.example/v2")).body("events", equalTo(List.of("comment.unqueued", "comment.decided")))
                .body("siteId", equalTo("news")).body("active", equalTo(false));
        asAdmin().body(Map.of("url", "gopher://x", "events", List.of("comment.decided"))).put(WEBHOOKS + "/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("url"));
        asAdmin().get(WEBHOOKS + "/{id}", id).then().statusCode(200).body("url", equalTo("http://hooks.example/v2"));
        // A misspelt field is refused, not left to its default: every site's events, or an endpoint still active.
        Map<String, Object> typo = new HashMap<>(good);
        typo.put("site", "news");
        asAdmin().body(typo).post(WEBHOOKS).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("site")).body("errors[0].reason", equalTo("is not a known field"));
        typo = new HashMap<>(change);
        typo.remove("active");
        typo.put("activ", true);
        asAdmin().body(typo).put(WEBHOOKS + "/{id}", id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("activ")).body("errors[0].reason", equalTo("is not a known field"));
        asAdmin().body("null").post(WEBHOOKS).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        asAdmin().get(WEBHOOKS + "/{id}", id).then().statusCode(200).body("active", equalTo(false));
        asAdmin().get(WEBHOOKS).then().statusCode(200).body("url", org.hamcrest.Matchers.not(hasItem(good.get("url"))));
        asAdmin().get(WEBHOOKS + "/{id}/deliveries?limit=0", id).then().statusCode(400).body("errors.field", hasItem("limit"));
        asAdmin().get(WEBHOOKS + "/{id}/deliveries?cursor=abc", id).then().statusCode(400).body("errors.field", hasItem("cursor"));
        asAdmin().get(WEBHOOKS + "/{id}/deliveries", id).then().statusCode(200).body("deliveries", hasSize(0)).body("nextCursor", nullValue());

        asAdmin().delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
        asAdmin().get(WEBHOOKS + "/{id}", id).then().statusCode(404).contentType(PROBLEM);
        asAdmin().body(good).put(WEBHOOKS + "/{id}", id).then().statusCode(404).contentType(PROBLEM);
        asAdmin().delete(WEBHOOKS + "/{id}", id).then().statusCode(404).contentType(PROBLEM);
        asAdmin().post(WEBHOOKS + "/{id}/rotate-secret", id).then().statusCode(404).contentType(PROBLEM);
        asAdmin().get(WEBHOOKS + "/{id}/deliveries", id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void onlyAdminsManageWebhooks() {
        String moderator = TestKeys.create("moderator", "hook-moderator");
        String client = TestKeys.create("client", "hook-client");
        RestAssured.given().get(WEBHOOKS).then().statusCode(401).contentType(PROBLEM);
        RestAssured.given().contentType("application/json").body(Map.of("url", "https://x.example", "events", List.of("comment.queued")))
                .post(WEBHOOKS).then().statusCode(401);
        TestKeys.as(moderator).get(WEBHOOKS).then().statusCode(403).contentType(PROBLEM);
        TestKeys.as(client).get(WEBHOOKS).then().statusCode(403);
        TestKeys.as(moderator).body(Map.of("url", "https://x.example", "events", List.of("comment.queued")))
                .post(WEBHOOKS).then().statusCode(403);
        TestKeys.as(moderator).post(WEBHOOKS + "/1/rotate-secret").then().statusCode(403);
        TestKeys.as(moderator).get(WEBHOOKS + "/1/deliveries").then().statusCode(403);
        String document = RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of(WEBHOOKS, WEBHOOKS + "/{id}", WEBHOOKS + "/{id}/rotate-secret", WEBHOOKS + "/{id}/deliveries")) {
            assertTrue(document.contains("\"" + path + "\""), path + " is in the OpenAPI document");
        }
    }
}
