package io.moderato.policy.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Policy versions: ETag and If-Match on PUT and PATCH (412 when stale), merge patches, enum errors, audit. */
@QuarkusTest
class PolicyResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PATH = "/api/v1/admin/sites/{site}/policy";

    private static String site() {
        return "policy-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void versionsGuardPutAndPatch() {
        String site = site();
        asAdmin().get(PATH, site).then().statusCode(200).header("ETag", "\"0\"").body("stored", equalTo(false)).body("version", equalTo(0));
        asAdmin().header("If-Match", "\"0\"").body(Map.of("bannedWords", List.of("spam"), "suspectWords", List.of("crypto")))
                .put(PATH, site).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        asAdmin().header("If-Match", "\"0\"").body(Map.of("links", "ALLOW")).put(PATH, site)
                .then().statusCode(412).contentType(PROBLEM).body("detail", containsString("version 1"));
        asAdmin().header("If-Match", "\"0\"").contentType("application/merge-patch+json").body("{\"links\":\"ALLOW\"}")
                .patch(PATH, site).then().statusCode(412).contentType(PROBLEM);
        asAdmin().header("If-Match", "\"1\"").contentType("application/merge-patch+json").body("{\"links\":\"ALLOW\"}")
                .patch(PATH, site).then().statusCode(200).header("ETag", "\"2\"")
                .body("policy.links", equalTo("ALLOW"))
                .body("policy.bannedWords", contains("spam")).body("policy.suspectWords", contains("crypto"));
        asAdmin().header("If-Match", "nonsense").body(Map.of("links", "ALLOW")).put(PATH, site)
                .then().statusCode(400).body("errors.field", hasItem("If-Match"));
    }

    @Test
    void putReplacesWholeAndPatchChangesOnlyWhatItNames() {
        String site = site();
        asAdmin().body(Map.of("bannedWords", List.of("spam"), "thresholds", Map.of("toxicity", Map.of("review", 0.5, "reject", 0.9))))
                .put(PATH, site).then().statusCode(200);
        asAdmin().body("{\"thresholds\":{\"toxicity\":{\"review\":0.6}},\"repeatWindowHours\":null}")
                .contentType("application/merge-patch+json").patch(PATH, site).then().statusCode(200)
                .body("policy.thresholds.toxicity.review", equalTo(0.6f))
                .body("policy.thresholds.toxicity.reject", equalTo(0.9f))
                .body("policy.bannedWords", contains("spam"))
                .body("policy.repeatWindowHours", equalTo(24));
        asAdmin().body("{\"bannedWords\":null}").contentType(ContentType.JSON).patch(PATH, site).then().statusCode(200)
                .body("policy.bannedWords.size()", equalTo(0));
        float defaultReview = asAdmin().get(PATH, site() + "-fresh").then().statusCode(200).extract()
                .path("policy.thresholds.toxicity.review");
        asAdmin().body(Map.of("links", "REJECT")).put(PATH, site).then().statusCode(200)
                .body("policy.links", equalTo("REJECT")).body("policy.thresholds.toxicity.review", equalTo(defaultReview))
                .body("policy.bannedWords.size()", equalTo(0));
    }

    @Test
    void aReplacementWithAMisspeltFieldIsRefusedNotTakenAsItsDefault() {
        String site = site();
        asAdmin().body(Map.of("bannedWords", List.of("spam"))).put(PATH, site).then().statusCode(200);
        // Left out, a field takes its default: a misspelt one would drop the banned words, or stop holding for toxicity.
        asAdmin().body(Map.of("bannedWord", List.of("spam", "scam"))).put(PATH, site).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("bannedWord"))
                .body("errors[0].reason", equalTo("is not a known field"));
        asAdmin().body(Map.of("bannedWords", List.of("spam"), "thresholds", Map.of("toxicity", Map.of("reveiw", 0.5))))
                .put(PATH, site).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("thresholds.toxicity.reveiw"))
                .body("errors[0].reason", equalTo("is not a known field"));
        asAdmin().body("null").put(PATH, site).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"));
        asAdmin().get(PATH, site).then().statusCode(200).body("version", equalTo(1))
                .body("policy.bannedWords", contains("spam"));
    }

    @Test
    void aMergePatchWithAMisspeltMemberIsRefusedNotIgnored() {
        String site = site();
        asAdmin().body(Map.of("bannedWords", List.of("spam"), "thresholds", Map.of("toxicity", Map.of("review", 0.5, "reject", 0.9))))
                .put(PATH, site).then().statusCode(200);
        // Ignored, a misspelt member would answer 200 and change nothing: the caller would think the words banned.
        patchIsRefusedAsUnknown(site, "{\"bannedWord\":[\"x\"]}", "bannedWord");
        patchIsRefusedAsUnknown(site, "{\"thresholds\":{\"toxicity\":{\"reveiw\":0.6}}}", "thresholds.toxicity.reveiw");
        // Set to null (remove it), a misspelt member is refused too: the caller meant to reset something.
        patchIsRefusedAsUnknown(site, "{\"bannedWord\":null}", "bannedWord");
        patchIsRefusedAsUnknown(site, "{\"thresholds\":{\"toxicity\":{\"reveiw\":null}}}", "thresholds.toxicity.reveiw");
        asAdmin().get(PATH, site).then().statusCode(200).body("version", equalTo(1))
                .body("policy.bannedWords", contains("spam"))
                .body("policy.thresholds.toxicity.review", equalTo(0.5f))
                .body("policy.thresholds.toxicity.reject", equalTo(0.9f));
    }

    /** A merge patch with a member the policy does not have answers 400 naming it, as the PUT does. */
    private static void patchIsRefusedAsUnknown(String site, String patch, String field) {
        asAdmin().contentType("application/merge-patch+json").body(patch).patch(PATH, site)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(field))
                .body("errors[0].reason", equalTo("is not a known field"));
    }

    @Test
    void badValuesNameTheFieldAndTheAllowedValues() {
        String site = site();
        asAdmin().body(Map.of("links", "SOMETIMES")).put(PATH, site).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("links")).body("errors[0].reason", equalTo("must be one of ALLOW, REVIEW, REJECT"));
        asAdmin().contentType("application/merge-patch+json").body("{\"links\":\"SOMETIMES\"}").patch(PATH, site)
                .then().statusCode(400).body("errors[0].field", equalTo("links"))
                .body("errors[0].reason", equalTo("must be one of ALLOW, REVIEW, REJECT"));
        asAdmin().contentType("application/merge-patch+json").body("{\"repeatWindowHours\":\"soon\"}").patch(PATH, site)
                .then().statusCode(400).body("errors[0].field", equalTo("repeatWindowHours"));
        asAdmin().contentType("application/merge-patch+json").body("[1]").patch(PATH, site)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        asAdmin().get(PATH, site).then().statusCode(200).body("stored", equalTo(false));
    }

    @Test
    void changesAreAuditedWithBeforeAndAfter() {
        String site = site();
        asAdmin().body(Map.of("bannedWords", List.of("spam"))).put(PATH, site).then().statusCode(200);
        asAdmin().contentType("application/merge-patch+json").body("{\"links\":\"ALLOW\"}").patch(PATH, site).then().statusCode(200);
        asAdmin().queryParam("siteId", site).queryParam("action", "POLICY_CHANGED").get("/api/v1/audit").then().statusCode(200)
                .body("entries.size()", equalTo(2))
                .body("entries[0].actor", equalTo("bootstrap-admin"))
                .body("entries[0].details.before", nullValue())
                .body("entries[0].details.after.bannedWords", contains("spam"))
                .body("entries[1].details.version", equalTo(2))
                .body("entries[1].details.before.links", equalTo("REVIEW"))
                .body("entries[1].details.after.links", equalTo("ALLOW"));
    }
}
