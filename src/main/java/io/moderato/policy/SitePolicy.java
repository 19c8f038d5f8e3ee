package io.moderato.policy;

import io.moderato.classification.Attribute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's moderation policy.
 *
 * @param thresholds                   per attribute key, the scores at which a comment is held and rejected
 * @param bannedWords                  words and phrases that reject a comment ({@code *} wildcards; matched after normalisation)
 * @param suspectWords                 words and phrases that hold a comment for review
 * @param links                        what to do with comments containing links
 * @param preModerateNewCommenters     hold comments of authors with fewer approved comments than below
 * @param newCommenterApprovedComments approved comments an author needs to stop being new
 * @param rejectionRateLimit           hold comments of authors whose recent rejection rate is above this (1: off)
 * @param rejectionRateWindow          how many of the author's latest decided comments the rate is taken over
 * @param rejectionRateMinDecided      the rate counts only once the author has this many decided comments
 * @param holdRepeatPosts              hold an author's comment when they posted the same text recently
 * @param repeatWindowHours            how far back "recently" goes
 */
public record SitePolicy(Map<String, Thresholds> thresholds, List<String> bannedWords, List<String> suspectWords,
                         LinkAction links, Boolean preModerateNewCommenters, Integer newCommenterApprovedComments,
                         Double rejectionRateLimit, Integer rejectionRateWindow, Integer rejectionRateMinDecided,
                         Boolean holdRepeatPosts, Integer repeatWindowHours) {

    /**
     * Fills what a request left out from the defaults: a partial policy changes only what it names (a missing
     * attribute in {@code thresholds} keeps its default thresholds).
     *
     * @return a complete policy
     */
    public SitePolicy withDefaults() {
        SitePolicy d = defaults();
        Map<String, Thresholds> merged = new LinkedHashMap<>(d.thresholds());
        if (thresholds != null) {
            merged.putAll(thresholds);
        }
        return new SitePolicy(merged, bannedWords == null ? d.bannedWords : bannedWords,
                suspectWords == null ? d.suspectWords : suspectWords, links == null ? d.links : links,
                preModerateNewCommenters == null ? d.preModerateNewCommenters : preModerateNewCommenters,
                newCommenterApprovedComments == null ? d.newCommenterApprovedComments : newCommenterApprovedComments,
                rejectionRateLimit == null ? d.rejectionRateLimit : rejectionRateLimit, rejectionRateWindow == null ? d.rejectionRateWindow : rejectionRateWindow,
                rejectionRateMinDecided == null ? d.rejectionRateMinDecided : rejectionRateMinDecided,
                holdRepeatPosts == null ? d.holdRepeatPosts : holdRepeatPosts,
                repeatWindowHours == null ? d.repeatWindowHours : repeatWindowHours);
    }

    /**
     * The scores at which an attribute acts.
     *
     * @param review hold for review at or above this (null: never)
     * @param reject reject at or above this (null: never)
     */
    public record Thresholds(Double review, Double reject) {
    }

    /** @return the policy of a site that has not set one */
    public static SitePolicy defaults() {
        Map<String, Thresholds> thresholds = new LinkedHashMap<>();
        // Calibrated probabilities (the share of such comments most raters would mark); the reasoning and the
        // measured hold rates are in the README ("Default policy").
        thresholds.put(Attribute.TOXICITY.key(), new Thresholds(0.8, 0.97));
        thresholds.put(Attribute.SEVERE_TOXICITY.key(), new Thresholds(0.6, 0.9));
        thresholds.put(Attribute.INSULT.key(), new Thresholds(0.8, 0.97));
        thresholds.put(Attribute.THREAT.key(), new Thresholds(0.8, 0.95));
        thresholds.put(Attribute.IDENTITY_ATTACK.key(), new Thresholds(0.7, 0.95));
        thresholds.put(Attribute.PROFANITY.key(), new Thresholds(0.9, null));
        thresholds.put(Attribute.SEXUALLY_EXPLICIT.key(), new Thresholds(0.7, 0.95));
        return new SitePolicy(thresholds, List.of(), List.of(), LinkAction.REVIEW, false, 1, 0.5, 10, 3, true, 24);
    }
}
