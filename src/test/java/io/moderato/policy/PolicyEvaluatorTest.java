package io.moderato.policy;

import io.moderato.classification.Attribute;
import io.moderato.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy's decisions and reasons, one rule at a time. */
class PolicyEvaluatorTest {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private static Map<Attribute, Double> scores(double toxicity) {
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            scores.put(attribute, 0.01);
        }
        scores.put(Attribute.TOXICITY, toxicity);
        return scores;
    }

    private static CommentFacts facts(String text, double toxicity) {
        return new CommentFacts(scores(toxicity), NORMALIZER.normalize(text), false, 5, 0, 0);
    }

    private static SitePolicy policy(List<String> banned, List<String> suspect, LinkAction links) {
        SitePolicy d = SitePolicy.defaults();
        return new SitePolicy(d.thresholds(), banned, suspect, links, false, 1, 0.5, 10, 3, true, 24);
    }

    @Test
    void thresholdsDecideReviewAndReject() {
        PolicyEvaluator evaluator = new PolicyEvaluator(SitePolicy.defaults());
        assertEquals(Decision.APPROVE, evaluator.evaluate(facts("fine", 0.2)).decision());
        PolicyDecision review = evaluator.evaluate(facts("hmm", 0.93));
        assertEquals(Decision.REVIEW, review.decision());
        assertEquals(new Reason(Reason.ATTRIBUTE, Decision.REVIEW, "toxicity", 0.93, 0.9, null, null), review.reasons().get(0));
        assertEquals(Decision.REJECT, evaluator.evaluate(facts("bad", 0.99)).decision());
    }

    @Test
    void wordListsMatchObfuscationsAndReportWhatWasWritten() {
        PolicyEvaluator evaluator = new PolicyEvaluator(policy(List.of("idiot", "go back to * country"), List.of("crypto*"), LinkAction.ALLOW));
        PolicyDecision decision = evaluator.evaluate(facts("you absolute 1d10t", 0.1));
        assertEquals(Decision.REJECT, decision.decision());
        assertEquals("1d10t", decision.reasons().get(0).match());
        assertEquals(Decision.REJECT, evaluator.evaluate(facts("Go back to your country!", 0.1)).decision());
        assertEquals(Decision.REVIEW, evaluator.evaluate(facts("CRYPTOCURRENCY tips inside", 0.1)).decision());
        assertEquals(Decision.APPROVE, evaluator.evaluate(facts("an idiom, not an insult", 0.1)).decision());
    }

    @Test
    void linksFollowThePolicy() {
        String text = "see https://example.org/x";
        assertEquals(Decision.APPROVE, new PolicyEvaluator(policy(List.of(), List.of(), LinkAction.ALLOW)).evaluate(facts(text, 0.1)).decision());
        assertEquals(Decision.REVIEW, new PolicyEvaluator(policy(List.of(), List.of(), LinkAction.REVIEW)).evaluate(facts(text, 0.1)).decision());
        assertEquals(Decision.REJECT, new PolicyEvaluator(policy(List.of(), List.of(), LinkAction.REJECT)).evaluate(facts(text, 0.1)).decision());
    }

    @Test
    void authorsAreHeldForRepeatsNewnessAndRejections() {
        SitePolicy d = SitePolicy.defaults();
        SitePolicy strict = new SitePolicy(d.thresholds(), List.of(), List.of(), LinkAction.ALLOW, true, 2, 0.5, 10, 3, true, 24);
        PolicyEvaluator evaluator = new PolicyEvaluator(strict);
        var text = NORMALIZER.normalize("hello again");
        assertEquals(List.of(Reason.REPEAT_POST), codes(evaluator.evaluate(new CommentFacts(scores(0.1), text, true, 5, 0, 0))));
        assertEquals(List.of(Reason.NEW_COMMENTER), codes(evaluator.evaluate(new CommentFacts(scores(0.1), text, false, 1, 0, 0))));
        assertEquals(List.of(Reason.REJECTION_RATE), codes(evaluator.evaluate(new CommentFacts(scores(0.1), text, false, 5, 4, 3))));
        // Too few decided comments to judge the rate, and a rate at the limit, are not held.
        assertTrue(codes(evaluator.evaluate(new CommentFacts(scores(0.1), text, false, 5, 2, 2))).isEmpty());
        assertTrue(codes(evaluator.evaluate(new CommentFacts(scores(0.1), text, false, 5, 4, 2))).isEmpty());
    }

    @Test
    void unsoundPoliciesAreReportedFieldByField() {
        Map<String, SitePolicy.Thresholds> thresholds = new LinkedHashMap<>();
        thresholds.put("toxicity", new SitePolicy.Thresholds(0.9, 0.5));
        thresholds.put("rudeness", new SitePolicy.Thresholds(0.5, 0.9));
        thresholds.put("insult", new SitePolicy.Thresholds(1.5, null));
        SitePolicy bad = new SitePolicy(thresholds, List.of("*", "ok"), List.of(" "), LinkAction.ALLOW, false, -1, 2.0, 0, 0, true, -1);
        List<String> fields = PolicyEvaluator.problems(bad).stream().map(Map.Entry::getKey).toList();
        assertEquals(List.of("thresholds.toxicity", "thresholds.rudeness", "thresholds.insult.review", "bannedWords[0]",
                "suspectWords[0]", "newCommenterApprovedComments", "rejectionRateLimit", "rejectionRateWindow",
                "repeatWindowHours"), fields);
        assertTrue(PolicyEvaluator.problems(SitePolicy.defaults()).isEmpty());
    }

    @Test
    void partialPoliciesKeepTheDefaultsTheyLeaveOut() {
        SitePolicy partial = new SitePolicy(Map.of("threat", new SitePolicy.Thresholds(0.3, 0.6)), null, null, null,
                true, null, null, null, null, null, null);
        SitePolicy full = partial.withDefaults();
        assertEquals(new SitePolicy.Thresholds(0.3, 0.6), full.thresholds().get("threat"));
        assertEquals(SitePolicy.defaults().thresholds().get("toxicity"), full.thresholds().get("toxicity"));
        assertEquals(LinkAction.REVIEW, full.links());
        assertTrue(full.preModerateNewCommenters());
        assertEquals(0.5, full.rejectionRateLimit());
    }

    private static List<String> codes(PolicyDecision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }
}
