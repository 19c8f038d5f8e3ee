package io.moderato.policy;

import io.moderato.classification.Attribute;
import io.moderato.text.TextNormalizer;
import io.moderato.text.Token;
import io.moderato.text.WordList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a site's policy to a comment. Pure: everything it needs comes in {@link CommentFacts}. Word lists are
 * compiled once per policy. Thread-safe.
 */
public final class PolicyEvaluator {

    private final SitePolicy policy;
    private final WordList banned;
    private final WordList suspect;

    /** @param policy the site's policy */
    public PolicyEvaluator(SitePolicy policy) {
        this.policy = policy;
        this.banned = WordList.of(policy.bannedWords());
        this.suspect = WordList.of(policy.suspectWords());
    }

    /** @return the policy applied */
    public SitePolicy policy() {
        return policy;
    }

    /**
     * @param facts the comment and its author
     * @return the decision and its reasons
     */
    public PolicyDecision evaluate(CommentFacts facts) {
        List<Reason> reasons = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            SitePolicy.Thresholds thresholds = policy.thresholds().get(attribute.key());
            Double score = facts.scores().get(attribute);
            if (thresholds == null || score == null) {
                continue;
            }
            if (thresholds.reject() != null && score >= thresholds.reject()) {
                reasons.add(new Reason(Reason.ATTRIBUTE, Decision.REJECT, attribute.key(), score, thresholds.reject(), null, null));
            } else if (thresholds.review() != null && score >= thresholds.review()) {
                reasons.add(new Reason(Reason.ATTRIBUTE, Decision.REVIEW, attribute.key(), score, thresholds.review(), null, null));
            }
        }
        List<Token> tokens = facts.text().tokens();
        words(banned, Reason.BANNED_WORD, Decision.REJECT, facts, reasons);
        words(suspect, Reason.SUSPECT_WORD, Decision.REVIEW, facts, reasons);
        if (policy.links() != LinkAction.ALLOW && tokens.stream().anyMatch(t -> t.normalized().equals(TextNormalizer.URL))) {
            reasons.add(Reason.of(Reason.LINK, policy.links() == LinkAction.REJECT ? Decision.REJECT : Decision.REVIEW));
        }
        if (policy.holdRepeatPosts() && facts.repeatPost()) {
            reasons.add(Reason.of(Reason.REPEAT_POST, Decision.REVIEW));
        }
        if (policy.preModerateNewCommenters() && facts.approvedComments() < policy.newCommenterApprovedComments()) {
            reasons.add(new Reason(Reason.NEW_COMMENTER, Decision.REVIEW, null, (double) facts.approvedComments(),
                    (double) policy.newCommenterApprovedComments(), null, null));
        }
        if (policy.rejectionRateLimit() != null && facts.recentDecided() >= policy.rejectionRateMinDecided()
                && facts.recentDecided() > 0) {
            double rate = (double) facts.recentRejected() / facts.recentDecided();
            if (rate > policy.rejectionRateLimit()) {
                reasons.add(new Reason(Reason.REJECTION_RATE, Decision.REVIEW, null, rate, policy.rejectionRateLimit(), null, null));
            }
        }
        Decision decision = Decision.APPROVE;
        for (Reason reason : reasons) {
            decision = decision.strictest(reason.action());
        }
        return new PolicyDecision(decision, List.copyOf(reasons));
    }

    private static void words(WordList list, String code, Decision action, CommentFacts facts, List<Reason> reasons) {
        List<Token> tokens = facts.text().tokens();
        for (WordList.Match match : list.find(tokens)) {
            String original = facts.text().original().substring(tokens.get(match.fromToken()).begin(),
                    tokens.get(match.toToken() - 1).end());
            reasons.add(new Reason(code, action, null, null, null, match.entry(), original));
        }
    }

    /**
     * Checks a policy for values that cannot work.
     *
     * @param policy the policy
     * @return the problems, as (field, reason) pairs; empty when it is sound
     */
    public static List<Map.Entry<String, String>> problems(SitePolicy policy) {
        List<Map.Entry<String, String>> problems = new ArrayList<>();
        if (policy.thresholds() == null) {
            problems.add(Map.entry("thresholds", "is required"));
        } else {
            policy.thresholds().forEach((key, t) -> {
                String field = "thresholds." + key;
                if (Attribute.fromKey(key).isEmpty()) {
                    problems.add(Map.entry(field, "is not an attribute"));
                } else if (t == null) {
                    problems.add(Map.entry(field, "must be an object with review and reject"));
                } else {
                    if (t.review() != null && (t.review() < 0 || t.review() > 1)) {
                        problems.add(Map.entry(field + ".review", "must be within [0,1]"));
                    }
                    if (t.reject() != null && (t.reject() < 0 || t.reject() > 1)) {
                        problems.add(Map.entry(field + ".reject", "must be within [0,1]"));
                    }
                    if (t.review() != null && t.reject() != null && t.review() > t.reject()) {
                        problems.add(Map.entry(field, "review must not be above reject"));
                    }
                }
            });
        }
        checkWords(policy.bannedWords(), "bannedWords", problems);
        checkWords(policy.suspectWords(), "suspectWords", problems);
        if (policy.links() == null) {
            problems.add(Map.entry("links", "must be ALLOW, REVIEW or REJECT"));
        }
        if (policy.newCommenterApprovedComments() < 0) {
            problems.add(Map.entry("newCommenterApprovedComments", "must not be negative"));
        }
        if (policy.rejectionRateLimit() != null && (policy.rejectionRateLimit() < 0 || policy.rejectionRateLimit() > 1)) {
            problems.add(Map.entry("rejectionRateLimit", "must be within [0,1]"));
        }
        if (policy.rejectionRateWindow() < 1 || policy.rejectionRateWindow() > 1000) {
            problems.add(Map.entry("rejectionRateWindow", "must be within 1..1000"));
        }
        if (policy.rejectionRateMinDecided() < 0) {
            problems.add(Map.entry("rejectionRateMinDecided", "must not be negative"));
        }
        if (policy.repeatWindowHours() < 0 || policy.repeatWindowHours() > 24 * 365) {
            problems.add(Map.entry("repeatWindowHours", "must be within 0..8760"));
        }
        return problems;
    }

    private static void checkWords(List<String> words, String field, List<Map.Entry<String, String>> problems) {
        if (words == null) {
            problems.add(Map.entry(field, "is required (may be empty)"));
            return;
        }
        if (words.size() > 5000) {
            problems.add(Map.entry(field, "must have at most 5000 entries"));
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word == null || word.isBlank() || word.replace("*", "").isBlank()) {
                problems.add(Map.entry(field + "[" + i + "]", "must have at least one letter"));
            } else if (word.length() > 200) {
                problems.add(Map.entry(field + "[" + i + "]", "must be at most 200 characters"));
            }
        }
    }
}
