package io.moderato.classification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.moderato.TestKeys.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ClassifyResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void classifiesOneComment() {
        asAdmin()
                .body(Map.of("text", "You are a pathetic idiot and everyone knows it.",
                        "context", Map.of("articleTitle", "Election night live", "articleText", "Votes are being counted.")))
                .when().post("/api/v1/classify")
                .then().statusCode(200)
                .body("modelVersion", notNullValue())
                .body("attributes", allOf(hasKey("toxicity"), hasKey("severe_toxicity"), hasKey("insult"), hasKey("threat"),
                        hasKey("identity_attack"), hasKey("profanity"), hasKey("sexually_explicit")))
                .body("attributes.values()", everyItem(allOf(greaterThanOrEqualTo(0f), lessThanOrEqualTo(1f))))
                .body("attributes.insult", greaterThan(0.5f))
                .body("topics[0].code", startsWith("medtop:"))
                .body("topics[0].name", notNullValue())
                .body("spans.attribute", hasItem("insult"))
                .body("spans.begin", everyItem(greaterThanOrEqualTo(0)))
                .body("spans.end", everyItem(lessThanOrEqualTo(48)));
    }

    @Test
    void topicsComeHighestFirst() {
        List<Float> scores = asAdmin()
                .body(Map.of("text", "The striker scored twice and the manager praised the defence after the match."))
                .post("/api/v1/classify").then().statusCode(200)
                .body("topics[0].code", equalTo("medtop:15000000"))
                .extract().jsonPath().getList("topics.score", Float.class);
        for (int i = 1; i < scores.size(); i++) {
            org.junit.jupiter.api.Assertions.assertTrue(scores.get(i - 1) >= scores.get(i));
        }
    }

    @Test
    void classifiesABatchInRequestOrder() {
        List<Map<String, Object>> items = List.of(
                Map.of("id", "c3", "text", "Lovely photos of the harbour, thanks."),
                Map.of("id", "c1", "text", "Shut up you moron."),
                Map.of("id", "c2", "text", "Rates went up again.", "context", Map.of("articleTitle", "Fed raises rates")));
        asAdmin().body(Map.of("items", items))
                .post("/api/v1/classify/batch")
                .then().statusCode(200)
                .body("modelVersion", notNullValue())
                .body("results.id", contains("c3", "c1", "c2"))
                .body("results[1].attributes.toxicity", greaterThan(0.5f))
                .body("results[2].topics[0].code", startsWith("medtop:"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing text|{}|text",
            "null text|{\"text\":null}|text",
            "blank text|{\"text\":\"   \"}|text",
            "number as text|{\"text\":42}|text",
            "boolean as text|{\"text\":true}|text",
            "array as text|{\"text\":[\"a\"]}|text",
            "context not an object|{\"text\":\"hi\",\"context\":\"article\"}|context",
            "title not a string|{\"text\":\"hi\",\"context\":{\"articleTitle\":5}}|context.articleTitle",
            "malformed JSON|{\"text\":|body",
            "trailing garbage|{\"text\":\"hi\"} x|body",
            "not an object|[1,2]|body",
            "empty body|''|body"})
    void refusesBadSingleRequests(String name, String body, String field) {
        asAdmin().body(body.equals("''") ? "" : body)
                .post("/api/v1/classify")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("detail", notNullValue());
    }

    @Test
    void refusesTextOverTheConfiguredMaximum() {
        asAdmin().body(Map.of("text", "a".repeat(20_001)))
                .post("/api/v1/classify")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].reason", containsString("20000"));
        asAdmin().body(Map.of("text", "a ".repeat(10_000)))
                .post("/api/v1/classify").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no items|{}|items",
            "empty items|{\"items\":[]}|items",
            "items not an array|{\"items\":{\"id\":\"a\"}}|items",
            "item without id|{\"items\":[{\"text\":\"hi\"}]}|items[0].id",
            "item without text|{\"items\":[{\"id\":\"a\"}]}|items[0].text",
            "null item|{\"items\":[null]}|items[0]",
            "duplicate ids|{\"items\":[{\"id\":\"a\",\"text\":\"x\"},{\"id\":\"a\",\"text\":\"y\"}]}|items[1].id",
            "id not a string|{\"items\":[{\"id\":7,\"text\":\"x\"}]}|items[0].id"})
    void refusesBadBatches(String name, String body, String field) {
        asAdmin().body(body)
                .post("/api/v1/classify/batch")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
    }

    @Test
    void refusesAnOversizedBatch() {
        String items = IntStream.range(0, 1001).mapToObj(i -> "{\"id\":\"c" + i + "\",\"text\":\"hello\"}")
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));
        asAdmin().body(items)
                .post("/api/v1/classify/batch")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("items"))
                .body("errors[0].reason", containsString("1000"));
    }

    @Test
    void needsAClientKey() {
        given().contentType(ContentType.JSON).body(Map.of("text", "hi")).post("/api/v1/classify")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer mod_nope_nope").body(Map.of("text", "hi"))
                .post("/api/v1/classify").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void refusesOtherMediaTypesAndMethods() {
        asAdmin().contentType(ContentType.TEXT).body("hello").post("/api/v1/classify")
                .then().statusCode(415).contentType(PROBLEM);
        asAdmin().get("/api/v1/classify").then().statusCode(405).contentType(PROBLEM);
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }
}
