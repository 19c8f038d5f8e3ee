package io.moderato.policy;

import io.moderato.classification.Attribute;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
@Schema(description = "A site's moderation policy. PUT: fields left out take their default; PATCH (JSON Merge Patch): "
        + "fields left out keep their stored value, null returns a field to its default.")
public record SitePolicy(
        @Schema(description = "Per attribute key (toxicity, severe_toxicity, insult, threat, identity_attack, profanity, "
                + "sexually_explicit): the scores in [0, 1] at which a comment is held (review) and rejected (reject); "
                + "null: never. An attribute left out keeps its default thresholds.")
        Map<String, Thresholds> thresholds,
        @Schema(description = "Words or phrases that reject a comment (* wildcards; matched after normalisation). Default: none.")
        List<String> bannedWords,
        @Schema(description = "Words or phrases that hold a comment for review. Default: none.")
        List<String> suspectWords,
        @Schema(description = "What happens to a comment with a link. Default: REVIEW (held).")
        LinkAction links,
        @Schema(description = "Hold comments of authors with fewer approved comments than newCommenterApprovedComments. Default: false.")
        Boolean preModerateNewCommenters,
        @Schema(description = "Approved comments an author needs to stop being new (not negative). Default: 1.")
        Integer newCommenterApprovedComments,
        @Schema(description = "Hold comments of authors whose recent rejection rate is above this, in [0, 1] (1: off). Default: 0.5.")
        Double rejectionRateLimit,
        @Schema(description = "How many of the author's latest decided comments the rate is taken over (1..1000). Default: 10.")
        Integer rejectionRateWindow,
        @Schema(description = "The rate counts once the author has this many decided comments. Default: 3.")
        Integer rejectionRateMinDecided,
        @Schema(description = "Hold an author's comment when they posted the same text recently. Default: true.")
        Boolean holdRepeatPosts,
        @Schema(description = "How far back \"recently\" goes, in hours (0..8760). Default: 24.")
        Integer repeatWindowHours) {

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
    public record Thresholds(@Schema(description = "Hold at or above this score (null: never)") Double review,
                             @Schema(description = "Reject at or above this score (null: never)") Double reject) {
    }

    /** @return the policy of a site that has not set one */
    public static SitePolicy defaults() {
        Map<String, Thresholds> thresholds = new LinkedHashMap<>();
        // Calibrated probabilities (the share of such comments most raters would mark); the reasoning and the
        // measured hold rates are in the README ("Default policy").
        thresholds.put(Attribute.TOXICITY.key(), new Thresholds(0.9, 0.97));
        thresholds.put(Attribute.SEVERE_TOXICITY.key(), new Thresholds(0.6, 0.9));
        thresholds.put(Attribute.INSULT.key(), new Thresholds(0.6, 0.97));
        thresholds.put(Attribute.THREAT.key(), new Thresholds(0.8, 0.95));
        thresholds.put(Attribute.IDENTITY_ATTACK.key(), new Thresholds(0.7, 0.95));
        thresholds.put(Attribute.PROFANITY.key(), new Thresholds(0.9, null));
        thresholds.put(Attribute.SEXUALLY_EXPLICIT.key(), new Thresholds(0.7, 0.95));
        return new SitePolicy(thresholds, List.of(), List.of(), LinkAction.REVIEW, false, 1, 0.5, 10, 3, true, 24);
    }
}
