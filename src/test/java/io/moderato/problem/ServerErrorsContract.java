package io.moderato.problem;

import io.moderato.LogCapture;
import io.moderato.RawHttp;
import io.moderato.TestKeys;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reproducers of the server errors found by hostile input (issue 11), each answered now with a 4xx problem
 * detail and nothing logged as a server error; run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ServerErrorsContract {

    static final String PROBLEM = "application/problem+json";

    private LogCapture log;

    @BeforeEach
    void captureLog() {
        log = LogCapture.open();
    }

    @AfterEach
    void nothingLoggedAsServerError() {
        log.close();
        assertEquals(List.of(), log.problems(), "client errors must not be logged as errors or with stack traces");
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    private static String site() {
        return "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String comment(String site, String id, String text) {
        return "{\"siteId\":\"" + site + "\",\"id\":\"" + id + "\",\"article\":{\"id\":\"a1\"},\"author\":{\"id\":\"u1\","
                + "\"displayName\":\"Reader\"},\"text\":\"" + text + "\"}";
    }

    @Test
    void duplicateKeysAreRefusedOnEveryRecordBody() {
        String site = site();
        String[][] cases = {
                {"/api/v1/classify", "{\"text\":\"hello\",\"context\":null,\"text\":\"world\"}", "text"},
                {"/api/v1/classify/batch", "{\"items\":[{\"id\":\"a\",\"text\":\"x\",\"id\":\"b\"}]}", "items[0].id"},
                {"/api/v1/comments", comment(site, "c1", "hello").replace("\"text\"", "\"siteId\":\"x\",\"text\""), "siteId"},
                {"/api/v1/queue/claim", "{\"siteId\":\"" + site + "\",\"count\":1,\"count\":2}", "count"},
                {"/api/v1/queue/release", "{\"siteId\":\"" + site + "\",\"siteId\":\"other\"}", "siteId"},
                {"/api/v1/comments/" + site + "/c1/decision", "{\"decision\":\"APPROVE\",\"decision\":\"REJECT\"}", "decision"},
                {"/api/v1/decisions", "{\"siteId\":\"" + site + "\",\"decisions\":[{\"id\":\"c1\",\"decision\":\"APPROVE\",\"id\":\"c2\"}]}", "decisions[0].id"},
                {"/api/v1/admin/keys", "{\"name\":\"k\",\"role\":\"client\",\"role\":\"admin\"}", "role"},
        };
        for (String[] c : cases) {
            invalid(asAdmin().body(c[1]).post(c[0]).then(), c[2]).body("errors.reason", hasItem("appears twice in the same object"));
        }
        invalid(asAdmin().body("{\"links\":\"ALLOW\",\"links\":\"REJECT\"}")
                .put("/api/v1/admin/sites/{site}/policy", site).then(), "links");
    }

    @Test
    void statsBeforeTheEpochAreRefusedAndTheEpochItselfWorks() {
        invalid(asAdmin().queryParam("siteId", "x").queryParam("to", "1970-01-01T00:00:00Z").get("/api/v1/stats").then(), "to");
        invalid(asAdmin().queryParam("siteId", "x").queryParam("from", "1969-12-31T00:00:00Z").get("/api/v1/stats").then(), "from");
        invalid(asAdmin().queryParam("siteId", "x").queryParam("to", "+10000-01-01T00:00:00Z").get("/api/v1/stats").then(), "to");
        asAdmin().queryParam("siteId", "x").queryParam("from", "1970-01-01T00:00:00Z").queryParam("to", "1970-01-03T00:00:00Z")
                .get("/api/v1/stats").then().statusCode(200)
                .body("buckets.size()", equalTo(2)).body("buckets[1].start", equalTo("1970-01-02T00:00:00Z"));
    }

    @Test
    void statsCountCommentsInTheirBucket() {
        String site = site();
        asAdmin().body(comment(site, "s1", "The council meets on Tuesday to discuss the budget.")).post("/api/v1/comments")
                .then().statusCode(201);
        String today = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString();
        String tomorrow = java.time.Instant.parse(today).plus(java.time.Duration.ofDays(1)).toString();
        asAdmin().queryParam("siteId", site).queryParam("from", java.time.Instant.parse(today).minus(java.time.Duration.ofDays(2)).toString())
                .queryParam("to", tomorrow).get("/api/v1/stats").then().statusCode(200)
                .body("buckets[2].start", equalTo(today)).body("buckets[2].received", equalTo(1))
                .body("buckets[0].received", equalTo(0));
    }

    @Test
    void signInWithAMalformedFormIsA400() {
        for (String body : List.of("key=%zz%", "key=%", "key=%e")) {
            RestAssured.given().contentType(ContentType.URLENC).body(body).post("/dashboard/sign-in")
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("body"));
        }
        StringBuilder many = new StringBuilder("key=x");
        for (int i = 0; i < 1100; i++) {
            many.append("&f").append(i).append("=1");
        }
        RestAssured.given().contentType(ContentType.URLENC).body(many.toString()).post("/dashboard/sign-in")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void malformedChunkedBodiesAreAnswered400() throws IOException {
        for (String path : List.of("/dashboard/sign-in", "/api/v1/coral/moderate", "/api/v1/classify")) {
            String type = path.startsWith("/dashboard") ? "application/x-www-form-urlencoded" : "application/json";
            RawHttp.Answer answer = RawHttp.send(RestAssured.port, RawHttp.latin1("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestKeys.ADMIN + "\r\nContent-Type: " + type
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\nZZ\r\n"));
            assertEquals(400, answer.status(), path + ": " + answer);
            assertEquals(PROBLEM, answer.mediaType(), path);
            assertTrue(answer.body().contains("chunked"), answer.body());
        }
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedEverywhere() {
        String site = site();
        for (String bad : List.of("\\u0000", "\\ud800", "\\udc00x")) {
            invalid(asAdmin().body(comment(site, "n1", "a" + bad + "b")).post("/api/v1/comments").then(), "text");
            invalid(asAdmin().body(comment(site, "n" + bad, "fine")).post("/api/v1/comments").then(), "id");
            invalid(asAdmin().body(comment(site, "n2", "fine").replace("Reader", "Re" + bad)).post("/api/v1/comments").then(),
                    "author.displayName");
            invalid(asAdmin().body("{\"name\":\"k" + bad + "\",\"role\":\"client\"}").post("/api/v1/admin/keys").then(), "name");
            invalid(asAdmin().body("{\"decision\":\"APPROVE\",\"note\":\"" + bad + "\"}")
                    .post("/api/v1/comments/{site}/n3/decision", site).then(), "note");
            asAdmin().body("{\"comment\":{\"text\":\"x" + bad + "\"},\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":{\"value\":0.1}}}}")
                    .post("/v1alpha1/comments:suggestscore").then().statusCode(400)
                    .body("error.status", equalTo("INVALID_ARGUMENT"));
        }
        invalid(asAdmin().urlEncodingEnabled(false).get("/api/v1/queue?siteId=" + site + "&articleId=%00").then(), "articleId");
        invalid(asAdmin().urlEncodingEnabled(false).get("/api/v1/audit?actor=%00").then(), "actor");
        invalid(asAdmin().urlEncodingEnabled(false).get("/api/v1/comments/" + site + "/a%00b").then(), "id");
        RestAssured.given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"comment\":{\"text\":\"hi\"}}")
                .post("/v1alpha1/comments:analyze?key=mod_%00_x").then().statusCode(400).body("error.status", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void aRetryOfAStoredCommentIsUnchangedOnBothDatabases() {
        String site = site();
        String body = comment(site, "r1", "Caf\\u00e9 owners \\ud83d\\ude00 met the mayor.");
        asAdmin().body(body).post("/api/v1/comments").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/comments/" + site + "/r1"));
        asAdmin().body(body).post("/api/v1/comments").then().statusCode(200).header("Moderato-Ingest-Outcome", "UNCHANGED")
                .body("revision", equalTo(1));
    }

    @Test
    void limitsThatAreNotNumbersAre400() {
        for (String limit : List.of("abc", "1e3", "2147483648", "-1", "0")) {
            invalid(asAdmin().queryParam("siteId", "x").queryParam("limit", limit).get("/api/v1/queue").then(), "limit");
            invalid(asAdmin().queryParam("limit", limit).get("/api/v1/audit").then(), "limit");
        }
    }

    @Test
    void httpLayerErrorsHaveBodies() throws IOException {
        RawHttp.Answer tooLarge = RawHttp.send(RestAssured.port, RawHttp.latin1("POST /api/v1/classify HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestKeys.ADMIN + "\r\nContent-Type: application/json\r\nContent-Length: 999999999999\r\n\r\n{}"));
        assertEquals(413, tooLarge.status());
        assertEquals(PROBLEM, tooLarge.mediaType());
        String longUri = "/api/v1/queue?siteId=x&articleId=" + "a".repeat(9000);
        RawHttp.Answer tooLong = RawHttp.send(RestAssured.port, RawHttp.latin1("GET " + longUri + " HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assertEquals(414, tooLong.status());
        assertEquals(PROBLEM, tooLong.mediaType());
        RawHttp.Answer headers = RawHttp.send(RestAssured.port, RawHttp.latin1("GET /api/v1/queue HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "b".repeat(20_000) + "\r\n\r\n"));
        assertEquals(431, headers.status());
        assertEquals(PROBLEM, headers.mediaType());
        RawHttp.Answer perspectiveLong = RawHttp.send(RestAssured.port, RawHttp.latin1("POST /v1alpha1/comments:analyze?x="
                + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n"));
        assertEquals(414, perspectiveLong.status());
        assertTrue(perspectiveLong.body().contains("\"error\""), perspectiveLong.body());
    }

    @Test
    void perspectivePathsAnswerFrameworkErrorsInGooglesFormat() {
        asAdmin().get("/v1alpha1/nope").then().statusCode(404).contentType(ContentType.JSON)
                .body("error.code", equalTo(404)).body("error.status", equalTo("NOT_FOUND"));
        asAdmin().get("/v1alpha1/comments:analyze").then().statusCode(405).contentType(ContentType.JSON)
                .body("error.status", equalTo("UNIMPLEMENTED"));
        asAdmin().body("{\"comment\":").post("/v1alpha1/comments:analyze").then().statusCode(400)
                .body("error.status", startsWith("INVALID"));
        asAdmin().get("/api/v1/nope").then().statusCode(404).contentType(PROBLEM).body("title", containsString("Not"));
    }
}
