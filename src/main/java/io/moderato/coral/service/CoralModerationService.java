package io.moderato.coral.service;

import io.moderato.classification.Classification;
import io.moderato.classification.service.ClassificationService;
import io.moderato.coral.CoralModeration;
import io.moderato.coral.CoralVerdict;
import io.moderato.coral.config.CoralConfig;
import io.moderato.policy.CommentFacts;
import io.moderato.policy.PolicyDecision;
import io.moderato.policy.PolicyEvaluator;
import io.moderato.policy.service.PolicyService;
import io.moderato.text.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides a comment Coral sends. It is not stored: Coral keeps the comment, sends no comment id to key it by, and
 * remains where moderators act on it. So the policy sees the text and its scores only; the author-history rules
 * (new commenters, repeat posts, rejection rate) are Coral's own phases' job and are passed as neutral facts.
 */
@ApplicationScoped
public class CoralModerationService {

    private final ClassificationService classification;
    private final PolicyService policies;
    private final CoralConfig config;
    private final TextNormalizer normalizer = new TextNormalizer();

    public CoralModerationService(ClassificationService classification, PolicyService policies, CoralConfig config) {
        this.classification = classification;
        this.policies = policies;
        this.config = config;
    }

    /**
     * @param request Coral's request, checked
     * @return Coral's answer
     */
    public CoralModeration.Response moderate(CoralModeration.Request request) {
        String siteId = siteFor(request);
        // Scored by the site's live bundle (its calibration included), the one its policy's thresholds are set for.
        Classification scored = classification.classify(request.comment().body(), null, null, siteId);
        PolicyEvaluator evaluator = policies.evaluator(siteId);
        CommentFacts facts = new CommentFacts(scored.attributes(), normalizer.normalize(request.comment().body()),
                false, Long.MAX_VALUE, 0, 0);
        PolicyDecision decision = evaluator.evaluate(facts);
        return CoralVerdict.of(siteId, scored, decision, config.holdStatus());
    }

    /** The Coral site id first, then the tenant id, then the default site. */
    String siteFor(CoralModeration.Request request) {
        if (request.site() != null && request.site().id() != null && config.sites().containsKey(request.site().id())) {
            return config.sites().get(request.site().id());
        }
        if (request.tenant() != null && request.tenant().id() != null && config.sites().containsKey(request.tenant().id())) {
            return config.sites().get(request.tenant().id());
        }
        return config.siteId();
    }
}
