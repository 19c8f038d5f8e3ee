package io.moderato.policy.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

/**
 * The shipped model under the default policy, on comments from a real news thread: clear abuse of a politician is held
 * or rejected; blunt political mockery and short harmless replies are approved. Also the words the corpus once taught
 * as signs of abuse (corpus parts p27-p29): a good wish and a neutral mention of a group are approved, a wish of harm
 * and an attack on a group are not. None of these comments is in the corpus. Each comment goes to a fresh site
 * (default policy) from a fresh author.
 */
@QuarkusTest
class DefaultPolicyTest {

    @ParameterizedTest(name = "held or rejected: {0}")
    @ValueSource(strings = {
            "Joe and the Hoe bought and paid for by the ChiComs",
            "Get this straight: Biden is a traitor. And Harris is a former prostitute.",
            "China Joe and the Hoe, traitors both, bought and paid for by the ChiComs."})
    void clearAbuseIsHeldOrRejected(String text) {
        ingest(text).then().statusCode(201).body("status", oneOf("REVIEW", "REJECTED"));
    }

    @ParameterizedTest(name = "approved: {0}")
    @ValueSource(strings = {
            "China Joe will be a disaster",
            "They've had a backchannel open to Sleepy Joe for 40 years.",
            "Who cares?",
            "Nope.",
            "Women deserve equal pay.",
            "The shooting victims deserve justice."})
    void politicalMockeryAndShortRepliesAreApproved(String text) {
        ingest(text).then().statusCode(201).body("status", equalTo("APPROVED"));
    }

    @ParameterizedTest(name = "approved: {0}")
    @ValueSource(strings = {
            "Hope she comes home safe.",
            "I hope she gets the transplant in time.",
            "Muslims across the city broke the fast together at the town hall.",
            "Jews and Christians held a joint vigil after the attack.",
            "Immigrants founded half of the start-ups on that list.",
            "Gay couples have been able to adopt here since 2002.",
            "May God protect them all."})
    void goodWishesAndNeutralMentionsOfGroupsAreApproved(String text) {
        ingest(text).then().statusCode(201).body("status", equalTo("APPROVED"));
    }

    @ParameterizedTest(name = "held or rejected: {0}")
    @ValueSource(strings = {
            "I hope she dies.",
            "Hope you get cancer.",
            "Muslims are a disease.",
            "Immigrants are rats, every last one of them."})
    void wishesOfHarmAndAttacksOnAGroupAreHeldOrRejected(String text) {
        ingest(text).then().statusCode(201).body("status", oneOf("REVIEW", "REJECTED"));
    }

    private static io.restassured.response.Response ingest(String text) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("siteId", "default-policy-" + id);
        body.put("id", "c-" + id);
        body.put("article", Map.of("id", "a1", "url", "https://news.example/election", "title", "Election night live"));
        body.put("author", Map.of("id", "u-" + id, "displayName", "Reader"));
        body.put("text", text);
        body.put("createdAt", "2026-11-20T10:15:30Z");
        return asAdmin().body(body).post("/api/v1/comments");
    }
}
