package io.moderato.kafka.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.KafkaBroker;
import io.moderato.TestKeys;
import io.moderato.kafka.KafkaBrokerResource;
import io.moderato.kafka.KafkaProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Comments through a real Kafka broker (its own process, {@link KafkaBrokerResource}): a comment produced to the
 * comments topic is stored once and its decision event is published; a redelivered record is stored once; a
 * malformed record goes to the dead-letter topic with its reason and the next good one is still ingested; a
 * moderator's decision is published too. Each test writes to a site of its own.
 */
@QuarkusTest
@TestProfile(KafkaProfile.class)
class CommentStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaBroker broker = KafkaBrokerResource.broker();

    @Test
    void aProducedCommentIsStoredOnceAndItsDecisionPublished() throws Exception {
        String site = site();
        produce(site, "a1", comment(site, "c1", "a1", "The new bus lanes on Mill Road look sensible to me."));

        JsonNode stored = awaitComment(site, "c1");
        assertEquals(1, stored.get("revision").asInt());
        assertEquals("The new bus lanes on Mill Road look sensible to me.", stored.get("text").asText());
        asAdmin().get("/api/v1/audit?siteId={site}&commentId=c1", site).then().statusCode(200)
                .body("entries.action", equalTo(List.of("COMMENT_INGESTED")))
                .body("entries[0].actor", equalTo("kafka"));

        List<JsonNode> events = awaitEvents(site, e -> !e.isEmpty());
        assertEquals(1, events.size(), events.toString());
        JsonNode received = events.get(0);
        assertEquals("comment.received", received.get("type").asText());
        assertEquals("c1", received.get("commentId").asText());
        assertEquals(stored.get("status").asText(), received.get("newStatus").asText());
        assertTrue(received.get("previousStatus").isNull());
        assertEquals("moderato", received.get("actor").asText());
        assertNotNull(UUID.fromString(received.get("id").asText()));
    }

    @Test
    void aRedeliveredCommentIsStoredOnce() throws Exception {
        String site = site();
        String value = comment(site, "twice", "a1", "Thanks for the clear report on the school closures.");
        for (int i = 0; i < 3; i++) {
            produce(site, "a1", value);
        }
        // A later comment on the same key is consumed after the copies: once it is stored, so are they.
        produce(site, "a1", comment(site, "after", "a1", "The school board meets again on Thursday."));
        awaitComment(site, "after");

        asAdmin().get("/api/v1/comments/{site}/twice", site).then().statusCode(200)
                .body("revision", equalTo(1)).body("history.size()", equalTo(1));
        asAdmin().get("/api/v1/audit?siteId={site}&commentId=twice", site).then().statusCode(200)
                .body("entries.action", equalTo(List.of("COMMENT_INGESTED")));
        List<JsonNode> events = awaitEvents(site, e -> e.size() >= 2);
        assertEquals(List.of("after", "twice"), events.stream().map(e -> e.get("commentId").asText()).sorted().toList());
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheNextIsIngested() throws Exception {
        String site = site();
        Map<String, Object> noText = commentFields(site, "no-text", "a1", "x");
        noText.remove("text");
        Map<String, Object> badSite = commentFields("bad site!", "bad-site", "a1", "Fine words.");
        String notJson = "{\"siteId\": \"" + site + "\", \"id\": \"broken\", ";
        String wrongType = "{\"siteId\": \"" + site + "\", \"id\": 42, \"article\": {\"id\": \"a1\"}, "
                + "\"author\": {\"id\": \"u1\"}, \"text\": \"hello\"}";
        produce(site, "a1", notJson);
        produce(site, "a1", JSON.writeValueAsString(noText));
        produce(site, "a1", JSON.writeValueAsString(badSite));
        produce(site, "a1", wrongType);
        produce(site, "a1", comment(site, "good", "a1", "A well argued piece about the harbour project."));

        awaitComment(site, "good");
        List<ConsumerRecord<String, String>> dead = broker.read(KafkaBrokerResource.DEAD_LETTERS,
                records -> ofSite(records, site).size() >= 4, WAIT);
        List<ConsumerRecord<String, String>> mine = ofSite(dead, site);
        assertEquals(List.of(notJson, JSON.writeValueAsString(noText), JSON.writeValueAsString(badSite), wrongType),
                mine.stream().map(ConsumerRecord::value).toList());
        List<String> reasons = mine.stream().map(r -> header(r, "dead-letter-reason")).toList();
        assertTrue(reasons.get(0).startsWith("body: not JSON"), reasons.get(0));
        assertEquals("text: is required", reasons.get(1));
        assertEquals("siteId: must be letters, digits, dots, dashes or underscores", reasons.get(2));
        assertTrue(reasons.get(3).startsWith("id: "), reasons.get(3));
        asAdmin().get("/api/v1/comments/{site}/no-text", site).then().statusCode(404);
    }

    @Test
    void aModeratorsDecisionIsPublished() throws Exception {
        String site = site();
        produce(site, "a1", comment(site, "c1", "a1", "The council should publish the full tender documents."));
        awaitComment(site, "c1");
        String moderator = TestKeys.create("moderator", "desk-" + site);
        TestKeys.as(moderator).body(Map.of("decision", "REJECT", "reason", "off-topic"))
                .post("/api/v1/comments/{site}/c1/decision", site).then().statusCode(200);

        List<JsonNode> decided = awaitEvents(site, e -> e.stream().anyMatch(x -> x.get("type").asText().equals("comment.decided")))
                .stream().filter(e -> e.get("type").asText().equals("comment.decided")).toList();
        assertEquals(1, decided.size());
        assertEquals("REJECTED", decided.get(0).get("newStatus").asText());
        assertEquals("desk-" + site, decided.get(0).get("actor").asText());
    }

    private static String site() {
        return "kafka-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> commentFields(String site, String id, String article, String text) {
        Map<String, Object> comment = new HashMap<>();
        comment.put("siteId", site);
        comment.put("id", id);
        comment.put("article", Map.of("id", article, "title", "Article " + article));
        comment.put("author", Map.of("id", "reader-" + id));
        comment.put("text", text);
        return comment;
    }

    private static String comment(String site, String id, String article, String text) throws IOException {
        return JSON.writeValueAsString(commentFields(site, id, article, text));
    }

    private void produce(String site, String article, String value) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, String> producer = broker.producer()) {
            producer.send(new ProducerRecord<>(KafkaBrokerResource.COMMENTS, site + "/" + article, value)).get();
        }
    }

    private static JsonNode awaitComment(String site, String id) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var response = asAdmin().get("/api/v1/comments/{site}/{id}", site, id);
            if (response.statusCode() == 200) {
                return JSON.readTree(response.asString());
            }
            assertTrue(System.nanoTime() < deadline, "comment " + id + " was not stored within " + WAIT);
            Thread.sleep(100);
        }
    }

    private List<JsonNode> awaitEvents(String site, Predicate<List<JsonNode>> until) {
        return events(broker.read(KafkaBrokerResource.DECISIONS, records -> until.test(events(records, site)), WAIT), site);
    }

    private static List<JsonNode> events(List<ConsumerRecord<String, String>> records, String site) {
        return ofSite(records, site).stream().map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<ConsumerRecord<String, String>> ofSite(List<ConsumerRecord<String, String>> records, String site) {
        return records.stream().filter(r -> r.key() != null && r.key().startsWith(site + "/")).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
