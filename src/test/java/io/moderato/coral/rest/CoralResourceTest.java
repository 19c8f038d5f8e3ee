package io.moderato.coral.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Replays Coral's requests (fixtures in {@code src/test/resources/coral/}, see its README), signed as Coral signs them. */
@QuarkusTest
class CoralResourceTest {

    static final String PATH = "/api/v1/coral/moderate";
    static final String SECRET = "coral-test-secret-0123456789";
    static final String ROTATED = "coral-rotated-secret-9876543210";

    static byte[] fixture(String name) {
        try (InputStream in = CoralResourceTest.class.getResourceAsStream("/coral/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Coral's generateSignatures, written out independently of the code under test. */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse post(byte[] body, String signature) {
        var request = RestAssured.given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header("X-Coral-Signature", signature);
        }
        return request.post(PATH).then();
    }

    static ValidatableResponse signed(String fixture) {
        byte[] body = fixture(fixture);
        return post(body, signature(SECRET, body));
    }

    @BeforeEach
    void strictSitePolicy() {
        Map<String, Object> policy = Map.of(
                "thresholds", Map.of("toxicity", Map.of("review", 0.3, "reject", 0.5), "insult", Map.of("review", 0.3, "reject", 0.5)),
                "bannedWords", List.of("scumbag"), "suspectWords", List.of("crypto*"), "links", "ALLOW");
        asAdmin().body(policy).put("/api/v1/admin/sites/coral-strict/policy").then().statusCode(200);
    }

    @Test
    void noObjectionAnswersNoStatus() {
        signed("new-comment-approve.json").statusCode(200).contentType(ContentType.JSON)
                .body("$", not(hasKey("status"))).body("$", not(hasKey("actions"))).body("$", not(hasKey("tags")))
                .body("metadata", aMapWithSize(1))
                .body("metadata.moderato.siteId", equalTo("coral"))
                .body("metadata.moderato.decision", equalTo("APPROVE"))
                .body("metadata.moderato.modelVersion", notNullValue())
                .body("metadata.moderato.scores", aMapWithSize(7))
                .body("metadata.moderato.reasons", equalTo(List.of()));
    }

    @Test
    void linksAreHeldUnderTheDefaultPolicy() {
        signed("new-comment-link.json").statusCode(200)
                .body("status", equalTo("SYSTEM_WITHHELD"))
                .body("actions.size()", equalTo(1))
                .body("actions[0].actionType", equalTo("FLAG"))
                .body("actions[0].reason", equalTo("COMMENT_DETECTED_LINKS"))
                .body("actions[0].additionalDetails", equalTo("Moderato: link"))
                .body("metadata.moderato.decision", equalTo("REVIEW"));
    }

    @Test
    void eachDecisionOfTheMappedSitesPolicy() {
        signed("edit-comment-strict-banned.json").statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("actions.actionType", everyItem(equalTo("FLAG")))
                .body("actions.reason", hasItem("COMMENT_DETECTED_BANNED_WORD"))
                .body("actions.find { it.reason == 'COMMENT_DETECTED_BANNED_WORD' }.additionalDetails",
                        equalTo("Moderato: banned word 'scumbag'"))
                .body("metadata.moderato.siteId", equalTo("coral-strict"));
        signed("new-comment-strict-suspect.json").statusCode(200)
                .body("status", equalTo("SYSTEM_WITHHELD"))
                .body("actions.reason", equalTo(List.of("COMMENT_DETECTED_SUSPECT_WORD")))
                .body("metadata.moderato.decision", equalTo("REVIEW"));
        signed("new-comment-strict-toxic.json").statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("actions.reason", equalTo(List.of("COMMENT_DETECTED_TOXIC")))
                .body("actions[0].additionalDetails", containsString(">= 0.50"))
                .body("metadata.moderato.decision", equalTo("REJECT"));
    }

    @Test
    void signatures() {
        byte[] body = fixture("new-comment-approve.json");
        post(body, null).statusCode(401).contentType("application/problem+json");
        post(body, "sha256=" + "0".repeat(64)).statusCode(403).contentType("application/problem+json");
        post(body, signature("not-the-secret", body)).statusCode(403);
        post(fixture("new-comment-link.json"), signature(SECRET, body)).statusCode(403);
        // During a rotation Coral signs with every active secret; either configured one is enough.
        post(body, signature(ROTATED, body)).statusCode(200);
        post(body, signature("retired-secret", body) + "," + signature(SECRET, body)).statusCode(200);
    }

    @Test
    void badBodies() {
        signed("bad-no-comment.json").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("comment"));
        byte[] malformed = "{\"comment\": {\"body\": ".getBytes(StandardCharsets.UTF_8);
        post(malformed, signature(SECRET, malformed)).statusCode(400).body("errors.field", hasItem("body"));
        byte[] blank = "{\"action\": \"DELETE\", \"comment\": {\"body\": \"  \"}}".getBytes(StandardCharsets.UTF_8);
        post(blank, signature(SECRET, blank)).statusCode(400)
                .body("errors.field", hasItem("comment.body")).body("errors.field", hasItem("action"));
    }
}
