package io.moderato.stats.rest;

import io.moderato.TestKeys;
import io.moderato.classification.Topic;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dashboard figures over comments ingested through the API; on H2 and PostgreSQL by the subclasses. */
abstract class StatsContract {

    /** The default policy's toxicity review threshold, which the statistics count against. */
    private static final double DEFAULT_TOXICITY_REVIEW =
            io.moderato.policy.SitePolicy.defaults().thresholds().get("toxicity").review();


    static final String PROBLEM = "application/problem+json";

    static Map<String, Object> comment(String site, String article, String id, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", site);
        body.put("id", id);
        body.put("article", Map.of("id", article, "url", "https://news.example/" + article, "title", "Article " + article));
        body.put("author", Map.of("id", "u-" + id, "displayName", "Reader " + id));
        body.put("text", text);
        return body;
    }

    static void ingest(String site, String article, String id, String text, String expectedStatus) {
        asAdmin().body(comment(site, article, id, text)).post("/api/v1/comments").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).body("status", equalTo(expectedStatus));
    }

    @Test
    void countsBucketsAttributesTopicsArticlesModeratorsAndQueue() {
        String site = "stats-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> policy = asAdmin().get("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200)
                .extract().path("policy");
        policy.put("bannedWords", List.of("idiot"));
        policy.put("suspectWords", List.of("crypto*"));
        asAdmin().body(policy).put("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200);
        Instant start = Instant.now();

        ingest(site, "a1", "c1", "The new bus lanes on Mill Road look sensible to me.", "APPROVED");
        ingest(site, "a1", "c2", "Only an idiot would vote for this budget.", "REJECTED");
        ingest(site, "a1", "c3", "Full report here: https://example.org/report.pdf", "REVIEW");
        ingest(site, "a2", "c4", "Lovely photos of the harbour at dawn.", "APPROVED");
        ingest(site, "a2", "c5", "Best returns are in CRYPTOCURRENCY, ask me how", "REVIEW");
        ingest(site, "a3", "c6", "The library opening hours are much better now.", "APPROVED");
        // An edit with a link sends c6 to the queue; moderators decide c3 and c5.
        ingest(site, "a3", "c6", "The library opening hours are here: https://example.org/hours", "REVIEW");
        String alice = "alice-" + site;
        String bob = "bob-" + site;
        TestKeys.as(TestKeys.create("moderator", alice)).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/comments/{site}/c3/decision", site).then().statusCode(200).body("status", equalTo("APPROVED"));
        TestKeys.as(TestKeys.create("moderator", bob)).body(Map.of("decision", "REJECT"))
                .post("/api/v1/comments/{site}/c5/decision", site).then().statusCode(200).body("status", equalTo("REJECTED"));

        JsonPath stats = TestKeys.as(TestKeys.create("moderator", "stats-moderator"))
                .get("/api/v1/stats?siteId={site}&from={from}&to={to}&bucket=hour", site,
                        start.minus(Duration.ofHours(2)).toString(), start.plus(Duration.ofHours(1)).toString())
                .then().statusCode(200).body("siteId", equalTo(site)).body("bucket", equalTo("hour"))
                .extract().jsonPath();

        List<Map<String, Object>> buckets = stats.getList("buckets");
        assertTrue(buckets.size() == 3 || buckets.size() == 4, "3 hours from a non-whole hour: " + buckets.size());
        assertEquals(6, sum(buckets, "received"));
        assertEquals(Map.of("REVIEW", 1, "APPROVED", 3, "REJECTED", 2), totals(buckets, "byStatus"));
        assertEquals(Map.of("APPROVE", 2, "REVIEW", 3, "REJECT", 1), totals(buckets, "byDecision"));
        Instant firstStart = Instant.parse(stats.getString("buckets[0].start"));
        assertEquals(firstStart, firstStart.truncatedTo(java.time.temporal.ChronoUnit.HOURS));

        // Cross-check the aggregates against each comment as the API shows it.
        Map<String, Integer> expectedTopics = new TreeMap<>();
        int overToxicity = 0;
        for (String id : List.of("c1", "c2", "c3", "c4", "c5", "c6")) {
            JsonPath c = asAdmin().get("/api/v1/comments/{site}/{id}", site, id).then().statusCode(200).extract().jsonPath();
            for (String code : c.<String>getList("topics.code")) {
                expectedTopics.merge(code, 1, Integer::sum);
            }
            overToxicity += c.getDouble("attributes.toxicity") >= DEFAULT_TOXICITY_REVIEW ? 1 : 0;
        }
        assertEquals(7, stats.getList("byAttribute").size());
        assertEquals((float) DEFAULT_TOXICITY_REVIEW, stats.getFloat("byAttribute.find { it.attribute == 'toxicity' }.threshold"));
        assertEquals(overToxicity, stats.getInt("byAttribute.find { it.attribute == 'toxicity' }.count"));
        Map<String, Integer> topics = new TreeMap<>();
        for (Map<String, Object> t : stats.<Map<String, Object>>getList("byTopic")) {
            topics.put((String) t.get("code"), (Integer) t.get("count"));
            assertEquals(Topic.fromCode((String) t.get("code")).orElseThrow().label(), t.get("name"));
        }
        assertEquals(expectedTopics, topics);

        List<Map<String, Object>> articles = stats.getList("mostToxicArticles");
        assertEquals(3, articles.size(), "every article has one held or rejected comment");
        Map<String, Object> a1 = stats.getMap("mostToxicArticles.find { it.id == 'a1' }");
        assertEquals(3, a1.get("comments"));
        assertEquals(0, a1.get("held"));
        assertEquals(1, a1.get("rejected"));
        assertEquals("Article a1", a1.get("title"));
        assertEquals("https://news.example/a1", a1.get("url"));
        assertEquals(1, stats.getInt("mostToxicArticles.find { it.id == 'a3' }.held"));

        assertEquals(2, stats.getInt("moderators.decisions"));
        assertEquals(List.of(alice, bob), stats.getList("moderators.byModerator.actor"));
        assertEquals(1, stats.getInt("moderators.byModerator[0].approved"));
        assertEquals(0, stats.getInt("moderators.byModerator[0].rejected"));
        assertEquals(1, stats.getInt("moderators.byModerator[1].rejected"));
        assertTrue(stats.getDouble("moderators.medianSecondsToDecision") >= 0);
        assertTrue(stats.getDouble("moderators.byModerator[1].medianSecondsToDecision") >= 0);

        assertEquals(1, stats.getInt("queue.size"));
        assertTrue(stats.getDouble("queue.oldestAgeSeconds") >= 0);
        assertEquals(stats.getDouble("queue.oldestAgeSeconds"), stats.getDouble("queue.medianAgeSeconds"), 1.0);

        // Defaults: the last seven days by day.
        asAdmin().get("/api/v1/stats?siteId={site}", site).then().statusCode(200)
                .body("bucket", equalTo("day")).body("buckets.received.sum()", equalTo(6))
                .body("buckets.size()", org.hamcrest.Matchers.oneOf(7, 8));

        // A period without comments: zeros everywhere but the queue, which is now.
        asAdmin().get("/api/v1/stats?siteId={site}&from={from}&to={to}", site, start.plus(Duration.ofDays(1)).toString(),
                        start.plus(Duration.ofDays(2)).toString())
                .then().statusCode(200).body("buckets.received.sum()", equalTo(0))
                .body("byTopic", hasSize(0)).body("mostToxicArticles", hasSize(0))
                .body("moderators.decisions", equalTo(0)).body("moderators.medianSecondsToDecision", nullValue())
                .body("byAttribute.count.sum()", equalTo(0)).body("queue.size", equalTo(1));
    }

    private static int sum(List<Map<String, Object>> buckets, String field) {
        return buckets.stream().mapToInt(b -> (Integer) b.get(field)).sum();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> totals(List<Map<String, Object>> buckets, String field) {
        Map<String, Integer> totals = new HashMap<>();
        for (Map<String, Object> b : buckets) {
            ((Map<String, Integer>) b.get(field)).forEach((k, v) -> totals.merge(k, v, Integer::sum));
        }
        return totals;
    }

    @Test
    void emptySiteHasZerosAndAnEmptyQueue() {
        asAdmin().get("/api/v1/stats?siteId=never-used&bucket=hour").then().statusCode(200)
                .body("buckets.size()", org.hamcrest.Matchers.oneOf(168, 169))
                .body("queue.size", equalTo(0)).body("queue.oldestAgeSeconds", nullValue())
                .body("moderators.byModerator", hasSize(0));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        asAdmin().get("/api/v1/stats").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("siteId"));
        asAdmin().get("/api/v1/stats?siteId=bad site!").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("siteId"));
        asAdmin().get("/api/v1/stats?siteId=s&from=yesterday&to=2026-13-01").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("from")).body("errors.field", hasItem("to"));
        asAdmin().get("/api/v1/stats?siteId=s&from=2026-11-20T00:00:00Z&to=2026-11-20T00:00:00Z").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("from"));
        asAdmin().get("/api/v1/stats?siteId=s&to=2000-01-01T00:00:00Z&from=2001-01-01T00:00:00Z").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        asAdmin().get("/api/v1/stats?siteId=s&bucket=week").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("bucket"));
        asAdmin().get("/api/v1/stats?siteId=s&bucket=hour&from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("bucket"));
        asAdmin().get("/api/v1/stats?siteId=s&bucket=day&from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").then()
                .statusCode(200).body("buckets", hasSize(731));
    }

    @Test
    void moderatorsAndAdminsOnly() {
        RestAssured.given().get("/api/v1/stats?siteId=s").then().statusCode(401).contentType(PROBLEM);
        TestKeys.as(TestKeys.create("client", "stats-client")).get("/api/v1/stats?siteId=s").then().statusCode(403).contentType(PROBLEM);
        assertTrue(RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString()
                .contains("\"/api/v1/stats\""), "/api/v1/stats is in the OpenAPI document");
    }
}
