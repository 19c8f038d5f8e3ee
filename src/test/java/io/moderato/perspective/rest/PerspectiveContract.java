package io.moderato.perspective.rest;

import io.moderato.TestKeys;
import io.moderato.audit.repository.AuditRepository;
import io.moderato.comment.repository.CommentRepository;
import io.moderato.perspective.repository.FeedbackEntity;
import io.moderato.perspective.repository.FeedbackRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays Perspective's documented requests (fixtures in {@code src/test/resources/perspective/}, see its README)
 * and checks every field of the answers and every error; run on H2 and on PostgreSQL by the subclasses.
 */
abstract class PerspectiveContract {

    static final String ANALYZE = "/v1alpha1/comments:analyze";
    static final String SUGGEST = "/v1alpha1/comments:suggestscore";
    static final List<String> ALL = List.of("TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "PROFANITY",
            "THREAT", "SEXUALLY_EXPLICIT");

    @Inject
    FeedbackRepository feedback;
    @Inject
    CommentRepository comments;
    @Inject
    AuditRepository audit;

    static String fixture(String name) {
        try (InputStream in = PerspectiveContract.class.getResourceAsStream("/perspective/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As Perspective clients call it: the key in the query string, the colon of the path as it is. */
    static RequestSpecification withKey(String key) {
        return given().queryParam("key", key);
    }

    /** RestAssured would send the path's colon as %3A, which clients do not. */
    static RequestSpecification given() {
        return RestAssured.given().urlEncodingEnabled(false).contentType(ContentType.JSON);
    }

    static ValidatableResponse analyze(String body) {
        return withKey(TestKeys.ADMIN).body(body).post(ANALYZE).then();
    }

    static ValidatableResponse googleError(ValidatableResponse response, int code, String status) {
        return response.statusCode(code).contentType(ContentType.JSON)
                .body("keySet()", equalTo(java.util.Set.of("error")))
                .body("error.code", equalTo(code)).body("error.status", equalTo(status))
                .body("error.message", notNullValue());
    }

    @Test
    void docExampleAsksForAnAttributeModeratoDoesNotOffer() {
        googleError(analyze(fixture("analyze-doc-example.json")), 400, "INVALID_ARGUMENT")
                .body("error.message", containsString("Unknown attribute: UNSUBSTANTIAL"))
                .body("error", not(hasKey("details")));
    }

    @Test
    void toxicityGivesOneSpanOverTheWholeText() {
        JsonPath answer = analyze(fixture("analyze-toxicity.json")).statusCode(200).contentType(ContentType.JSON)
                .body("keySet()", equalTo(java.util.Set.of("attributeScores", "languages", "detectedLanguages")))
                .body("attributeScores.keySet()", equalTo(java.util.Set.of("TOXICITY")))
                .body("attributeScores.TOXICITY.summaryScore.type", equalTo("PROBABILITY"))
                .body("attributeScores.TOXICITY.summaryScore.value", greaterThan(0.5f))
                .body("attributeScores.TOXICITY.summaryScore.value", lessThanOrEqualTo(1f))
                .body("attributeScores.TOXICITY.spanScores.size()", equalTo(1))
                .body("attributeScores.TOXICITY.spanScores[0].begin", equalTo(0))
                .body("attributeScores.TOXICITY.spanScores[0].end", equalTo(56))
                .body("attributeScores.TOXICITY.spanScores[0].score.type", equalTo("PROBABILITY"))
                .body("languages", equalTo(List.of("en")))
                .body("detectedLanguages", equalTo(List.of("en")))
                .extract().jsonPath();
        assertEquals(answer.getFloat("attributeScores.TOXICITY.summaryScore.value"),
                answer.getFloat("attributeScores.TOXICITY.spanScores[0].score.value"));
    }

    @Test
    void everyDocumentedFieldAndSentenceSpans() {
        JsonPath answer = analyze(fixture("analyze-all-attributes.json")).statusCode(200)
                .body("attributeScores.keySet()", equalTo(new java.util.HashSet<>(ALL)))
                .body("clientToken", equalTo("token-all-attributes"))
                .body("languages", equalTo(List.of("en")))
                .body("detectedLanguages", equalTo(List.of("en")))
                .extract().jsonPath();
        for (String attribute : ALL) {
            String base = "attributeScores." + attribute;
            assertEquals("PROBABILITY", answer.getString(base + ".summaryScore.type"));
            float summary = answer.getFloat(base + ".summaryScore.value");
            assertTrue(summary >= 0 && summary <= 1, attribute);
            // Perspective's own example splits this text at [0,31) and [32,56).
            assertEquals(List.of(0, 32), answer.getList(base + ".spanScores.begin"), attribute);
            assertEquals(List.of(31, 56), answer.getList(base + ".spanScores.end"), attribute);
            assertEquals(List.of("PROBABILITY", "PROBABILITY"), answer.getList(base + ".spanScores.score.type"), attribute);
        }
        assertTrue(answer.getFloat("attributeScores.INSULT.spanScores[0].score.value")
                > answer.getFloat("attributeScores.INSULT.spanScores[1].score.value"), "the insult is in the first sentence");
    }

    @Test
    void scoreThresholdDropsAttributesAndSpansBelowIt() {
        analyze(fixture("analyze-threshold.json")).statusCode(200)
                .body("attributeScores.keySet()", equalTo(java.util.Set.of("INSULT")))
                .body("attributeScores.INSULT.summaryScore.value", greaterThanOrEqualTo(0.5f))
                .body("attributeScores.INSULT.spanScores.score.value", everyItem(greaterThanOrEqualTo(0.5f)))
                .body("clientToken", equalTo("token-threshold"))
                .body("languages", equalTo(List.of("en")))
                .body("detectedLanguages", equalTo(List.of("en")));
    }

    @Test
    void coralsPerspectiveRequestIsAnswered() {
        analyze(fixture("analyze-coral.json")).statusCode(200)
                .body("attributeScores.TOXICITY.summaryScore.value", lessThan(0.5f))
                .body("attributeScores.TOXICITY.summaryScore.type", equalTo("PROBABILITY"));
    }

    @Test
    void otherLanguagesAreRefusedAsPerspectiveRefusesThem() {
        googleError(analyze(fixture("analyze-language-es.json")), 400, "INVALID_ARGUMENT")
                .body("error.message", equalTo("Attribute TOXICITY does not support request languages: es"))
                .body("error.details.size()", equalTo(1))
                .body("error.details[0].'@type'", equalTo("type.googleapis.com/google.commentanalyzer.v1alpha1.Error"))
                .body("error.details[0].errorType", equalTo("LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"))
                .body("error.details[0].languageNotSupportedByAttributeError.attribute", equalTo("TOXICITY"))
                .body("error.details[0].languageNotSupportedByAttributeError.requestedLanguages", equalTo(List.of("es")));
        googleError(analyze(fixture("analyze-detected-es.json")), 400, "INVALID_ARGUMENT")
                .body("error.details[0].errorType", equalTo("LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"))
                .body("error.details[0].languageNotSupportedByAttributeError.detectedLanguages", equalTo(List.of("es")));
        analyze(fixture("analyze-drop-unsupported.json")).statusCode(200)
                .body("attributeScores", anEmptyMap())
                .body("languages", equalTo(List.of("fr")))
                .body("detectedLanguages", equalTo(List.of("fr")))
                .body("clientToken", equalTo("token-drop"));
        analyze("{\"comment\": {\"text\": \"Nice one.\"}, \"languages\": [\"en-GB\"], \"requestedAttributes\": {\"TOXICITY@6\": {}}}")
                .statusCode(200).body("attributeScores", aMapWithSize(1)).body("languages", equalTo(List.of("en-GB")))
                .body("attributeScores.'TOXICITY@6'.summaryScore.type", equalTo("PROBABILITY"));
    }

    @Test
    void badRequestsGetGooglesErrorFormat() {
        googleError(analyze(fixture("analyze-empty.json")), 400, "INVALID_ARGUMENT")
                .body("error.message", equalTo("Comment must be non-empty."));
        googleError(analyze(fixture("analyze-html.json")), 400, "INVALID_ARGUMENT")
                .body("error.message", containsString("PLAIN_TEXT"));
        googleError(analyze(fixture("analyze-no-attributes.json")), 400, "INVALID_ARGUMENT")
                .body("error.message", containsString("requestedAttributes"));
        googleError(analyze(fixture("analyze-score-type.json")), 400, "INVALID_ARGUMENT")
                .body("error.message", containsString("only PROBABILITY"));
        googleError(analyze("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {\"scoreThreshold\": 2}}}"),
                400, "INVALID_ARGUMENT").body("error.message", containsString("scoreThreshold"));
        googleError(analyze("{\"comment\": {\"text\": \"hi\"}, \"languages\": [\"not a language\"], \"requestedAttributes\": {\"TOXICITY\": {}}}"),
                400, "INVALID_ARGUMENT").body("error.message", containsString("languages"));
        googleError(analyze("{\"comment\": {\"text\": \"unfinished"), 400, "INVALID_ARGUMENT")
                .body("error.message", containsString("malformed JSON"))
                .body("error.message", not(containsString("unfinished")));
        googleError(analyze("{\"comment\": {\"text\": 5}, \"requestedAttributes\": {\"TOXICITY\": {}}}"), 400, "INVALID_ARGUMENT")
                .body("error.message", containsString("'comment.text'"));
        googleError(analyze(""), 400, "INVALID_ARGUMENT");
        googleError(analyze("{\"requestedAttributes\": {\"TOXICITY\": {}}}"), 400, "INVALID_ARGUMENT")
                .body("error.message", equalTo("comment.text is required."));
    }

    @Test
    void sizeLimitIsModeratosConfiguredMaximum() {
        String longest = "a".repeat(19_990) + " you idiot";
        analyze("{\"comment\": {\"text\": \"" + longest + "\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}")
                .statusCode(200).body("attributeScores.TOXICITY.spanScores[0].end", equalTo(20_000));
        googleError(analyze("{\"comment\": {\"text\": \"" + longest + "!\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}"),
                400, "INVALID_ARGUMENT")
                .body("error.message", equalTo("Comment text was too long. Value (20001 characters) exceeded limit (20000 characters)."));
    }

    @Test
    void keysAsPerspectiveClientsSendThem() {
        String body = fixture("analyze-coral.json");
        googleError(given().body(body).post(ANALYZE).then(), 401, "UNAUTHENTICATED")
                .body("error.message", containsString("?key="));
        googleError(withKey("mod_nope_nope").body(body).post(ANALYZE).then(), 401, "UNAUTHENTICATED");
        googleError(given().body(fixture("suggestscore-doc-example.json"))
                .post(SUGGEST).then(), 401, "UNAUTHENTICATED");
        given().header("Authorization", "Bearer " + TestKeys.ADMIN).body(body).post(ANALYZE).then().statusCode(200);
        String client = TestKeys.create("client", "perspective-client");
        withKey(client).body(body).post(ANALYZE).then().statusCode(200);
        // Some clients percent-encode the colon.
        withKey(client).body(body).post("/v1alpha1/comments%3Aanalyze").then().statusCode(200);
        // Google clients add their own query parameters; they are ignored.
        withKey(client).queryParam("alt", "json").queryParam("prettyPrint", "false").body(body).post(ANALYZE)
                .then().statusCode(200);
        String limited = TestKeys.asAdmin().body(Map.of("name", "perspective-limited", "role", "client", "rateLimitPerMinute", 1))
                .post("/api/v1/admin/keys").then().statusCode(201).extract().path("key");
        withKey(limited).body(body).post(ANALYZE).then().statusCode(200);
        googleError(withKey(limited).body(body).post(ANALYZE).then(), 429, "RESOURCE_EXHAUSTED")
                .header("Retry-After", notNullValue());
    }

    @Test
    void suggestScoreDocExampleIsStoredAsFeedback() {
        withKey(TestKeys.ADMIN).body(fixture("suggestscore-doc-example.json")).post(SUGGEST).then()
                .statusCode(200).contentType(ContentType.JSON)
                .body("keySet()", equalTo(java.util.Set.of("clientToken", "detectedLanguages")))
                .body("clientToken", equalTo("comment-53922"))
                .body("detectedLanguages", equalTo(List.of("en")));
        FeedbackEntity stored = latest("comment-53922");
        assertEquals("I guess it comes down a simple choice: Get busy living, or get busy dying.", stored.text);
        assertEquals(Map.of(io.moderato.classification.Attribute.TOXICITY, 0.0), stored.labels());
        assertEquals("/forum/movies", stored.communityId);
        assertEquals("bootstrap-admin", stored.keyName);
        assertNull(stored.spanLabels);
        assertNull(stored.languages);
        assertTrue(stored.createdAt.isAfter(java.time.Instant.now().minusSeconds(60)));
    }

    @Test
    void suggestScoreWithSpansAndLanguages() {
        String client = TestKeys.create("client", "suggest-client");
        withKey(client).body(fixture("suggestscore-spans.json")).post(SUGGEST).then().statusCode(200)
                .body("clientToken", equalTo("suggest-spans"))
                .body("requestedLanguages", equalTo(List.of("en")))
                .body("detectedLanguages", equalTo(List.of("en")));
        FeedbackEntity stored = latest("suggest-spans");
        assertEquals(Map.of(io.moderato.classification.Attribute.INSULT, 1.0,
                io.moderato.classification.Attribute.THREAT, 0.0), stored.labels());
        assertEquals("suggest-client", stored.keyName);
        assertEquals("sports", stored.communityId);
        assertEquals("en", stored.languages);
        JsonPath spans = JsonPath.from(stored.spanLabels);
        assertEquals(List.of(0, 13), spans.getList("begin"));
        assertEquals(List.of(12, 50), spans.getList("end"));
        assertEquals(List.of("INSULT", "INSULT"), spans.getList("attribute"));
    }

    @Test
    void badSuggestionsAreRefusedAndNothingIsStored() {
        long before = count(feedback::count);
        googleError(withKey(TestKeys.ADMIN).body(fixture("suggestscore-empty-scores.json")).post(SUGGEST).then(),
                400, "INVALID_ARGUMENT").body("error.message", containsString("attributeScores"));
        String[] bad = {
                "{\"comment\": {\"text\": \"ok\"}, \"attributeScores\": {\"FLIRTATION\": {\"summaryScore\": {\"value\": 1}}}}",
                "{\"comment\": {\"text\": \"ok\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 1.5}}}}",
                "{\"comment\": {\"text\": \"ok\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {}}}}",
                "{\"comment\": {\"text\": \"ok\"}, \"attributeScores\": {\"TOXICITY\": {}}}",
                "{\"comment\": {\"text\": \"ok\"}, \"attributeScores\": {\"TOXICITY\": {\"spanScores\": [{\"begin\": 0, \"end\": 9, \"score\": {\"value\": 1}}]}}}",
                "{\"comment\": {\"text\": \"  \"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 1}}}}",
                "{\"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 1}}}}",
                "{\"comment\": {\"text\": \"ok\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 1}}}, \"clientToken\": \""
                        + "t".repeat(501) + "\"}",
                "[1, 2]",
        };
        for (String body : bad) {
            googleError(withKey(TestKeys.ADMIN).body(body).post(SUGGEST).then(), 400, "INVALID_ARGUMENT");
        }
        assertEquals(before, count(feedback::count));
    }

    @Test
    void doNotStoreKeepsNothingAnywhereLogsIncluded() {
        String marker = "zqxmarker" + System.nanoTime();
        String text = "You are a pathetic idiot " + marker + ". I hope someone hurts you.";
        long feedbackBefore = count(feedback::count);
        long commentsBefore = count(comments::count);
        long auditBefore = count(audit::count);
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        Logger moderato = Logger.getLogger("io.moderato");
        Level previous = moderato.getLevel();
        root.addHandler(capture);
        moderato.setLevel(Level.ALL);
        try {
            Logger.getLogger("io.moderato.test").info("capture-check");
            String request = "{\"comment\": {\"text\": \"" + text + "\"}, \"doNotStore\": true, \"spanAnnotations\": true,"
                    + " \"requestedAttributes\": {\"TOXICITY\": {}, \"THREAT\": {}}}";
            analyze(request).statusCode(200).body("attributeScores.TOXICITY.summaryScore.value", greaterThan(0.5f));
            // Refusals and malformed bodies must not leak it either.
            analyze(request.replace("\"THREAT\"", "\"FLIRTATION\"")).statusCode(400);
            analyze(request.replace("\"languages\"", "x").replace("{\"comment\"", "{\"languages\": [\"de\"], \"comment\"")).statusCode(400);
            analyze(request.substring(0, request.length() - 5)).statusCode(400)
                    .body("error.message", not(containsString(marker)));
            given().body(request).post(ANALYZE).then().statusCode(401);
        } finally {
            moderato.setLevel(previous);
            root.removeHandler(capture);
        }
        assertTrue(capture.lines.stream().anyMatch(l -> l.contains("capture-check")), "the capture works");
        assertFalse(capture.lines.stream().anyMatch(l -> l.contains(marker)), () -> "a log line holds the comment: " + capture.lines);
        assertEquals(feedbackBefore, count(feedback::count));
        assertEquals(commentsBefore, count(comments::count));
        assertEquals(auditBefore, count(audit::count));
    }

    private FeedbackEntity latest(String clientToken) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<FeedbackEntity> found = feedback.findByClientToken(clientToken);
            return found.get(found.size() - 1);
        });
    }

    private static long count(java.util.function.LongSupplier counter) {
        return QuarkusTransaction.requiringNew().call(counter::getAsLong);
    }

    /** Every log record published while attached: message, parameters and exception. */
    private static final class Capture extends Handler {
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                line.append(' ').append(java.util.Arrays.toString(record.getParameters()));
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
