package io.moderato.comment.service;

import io.moderato.audit.service.AuditLog;
import io.moderato.classification.Attribute;
import io.moderato.classification.Classification;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.CommentStatusChanged;
import io.moderato.comment.repository.CommentEntity;
import io.moderato.comment.repository.CommentRepository;
import io.moderato.comment.repository.CommentRescoreEntity;
import io.moderato.comment.repository.CommentRescoreRepository;
import io.moderato.policy.CommentFacts;
import io.moderato.policy.PolicyDecision;
import io.moderato.policy.PolicyEvaluator;
import io.moderato.policy.SitePolicy;
import io.moderato.policy.service.PolicyService;
import io.moderato.text.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a newer model's scores on stored comments (for re-scoring jobs) and keeps the change in the comment's
 * re-scoring history. A moderator's decision is never changed: such a comment gets the new scores only. A comment
 * whose status the policy set and no moderator has touched is decided again by the site's policy with the new
 * scores (the other facts, repeat posts and the author's history, as they stood when the comment arrived); a new
 * status is recorded like any status change: audit entry ({@link AuditLog#RESCORED}) and the
 * {@link CommentStatusChanged} event (webhooks, the Kafka decision outbox) with cause
 * {@link CommentStatusChanged#RESCORE}.
 */
@ApplicationScoped
public class CommentRescoring {

    private final CommentRepository comments;
    private final CommentRescoreRepository rescores;
    private final CommentService service;
    private final PolicyService policies;
    private final StatusChanges statusChanges;
    private final TextNormalizer normalizer = new TextNormalizer();

    public CommentRescoring(CommentRepository comments, CommentRescoreRepository rescores, CommentService service,
                            PolicyService policies, StatusChanges statusChanges) {
        this.comments = comments;
        this.rescores = rescores;
        this.service = service;
        this.policies = policies;
        this.statusChanges = statusChanges;
    }

    /** What re-scoring did to one comment. */
    public enum Outcome {
        /** New scores; the policy's decision (and so the status) stayed. */
        RESCORED,
        /** New scores, and the policy gave the comment another status. */
        STATUS_CHANGED,
        /** New scores; a moderator's decision stands. */
        MODERATOR_DECISION_KEPT,
        /** The comment was edited or deleted since it was read: left alone (an edit was scored by the live model). */
        SKIPPED_CHANGED
    }

    /**
     * A newer model's classification of a comment as it was read.
     *
     * @param commentId  the comment's database id
     * @param revision   the text revision that was classified
     * @param scored     the classification
     */
    public record Rescored(long commentId, int revision, Classification scored) {
    }

    /**
     * Stores new classifications, locking the comments first (in id order).
     *
     * @param items  the comments' new classifications
     * @param jobId  the re-scoring job
     * @param actor  who started the job (recorded in the audit log)
     * @return what happened to each, by comment id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Outcome> apply(List<Rescored> items, String jobId, String actor) {
        Map<Long, Outcome> outcomes = new HashMap<>();
        if (items.isEmpty()) {
            return outcomes;
        }
        Map<Long, Rescored> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.commentId(), item));
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Map<String, PolicyEvaluator> evaluators = new HashMap<>();
        for (CommentEntity comment : comments.lockAll(List.copyOf(byId.keySet()))) {
            Rescored item = byId.get(comment.id);
            if (comment.revision != item.revision()) {
                outcomes.put(comment.id, Outcome.SKIPPED_CHANGED);
                continue;
            }
            PolicyEvaluator evaluator = evaluators.computeIfAbsent(comment.siteId, policies::evaluator);
            outcomes.put(comment.id, apply(comment, item.scored(), evaluator, jobId, actor, now));
        }
        items.forEach(item -> outcomes.putIfAbsent(item.commentId(), Outcome.SKIPPED_CHANGED));
        return outcomes;
    }

    private Outcome apply(CommentEntity comment, Classification scored, PolicyEvaluator evaluator, String jobId,
                          String actor, Instant now) {
        CommentRescoreEntity history = new CommentRescoreEntity();
        history.commentId = comment.id;
        history.revision = comment.revision;
        history.jobId = jobId;
        history.previousModelVersion = comment.modelVersion;
        history.previousScores = service.json(Attribute.byKey(comment.scores()));
        history.previousStatus = comment.status.name();
        history.recordedAt = now;
        String previousModel = comment.modelVersion;
        service.applyScores(comment, scored);
        history.modelVersion = comment.modelVersion;
        history.scores = service.json(Attribute.byKey(comment.scores()));

        Outcome outcome;
        if (comment.decidedBy != null) {
            outcome = Outcome.MODERATOR_DECISION_KEPT;
        } else {
            PolicyDecision decision = evaluator.evaluate(facts(evaluator.policy(), comment));
            comment.machineDecision = decision.decision();
            comment.reasons = service.json(decision.reasons());
            history.machineDecision = decision.decision().name();
            CommentStatus next = CommentStatus.of(decision.decision());
            if (next != comment.status) {
                if (next != CommentStatus.REVIEW) {
                    comment.claimedBy = null;
                    comment.claimExpiresAt = null;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("jobId", jobId);
                details.put("revision", comment.revision);
                details.put("previousModelVersion", previousModel);
                details.put("modelVersion", comment.modelVersion);
                details.put("reasons", decision.reasons());
                statusChanges.transition(comment, next, new StatusChanges.Change(actor, CommentService.MACHINE,
                        AuditLog.RESCORED, decision.decision().name(), null, details, CommentStatusChanged.RESCORE), now);
                outcome = Outcome.STATUS_CHANGED;
            } else {
                outcome = Outcome.RESCORED;
            }
        }
        history.status = comment.status.name();
        rescores.persist(history);
        return outcome;
    }

    /** The policy's facts about a comment as they stood when it arrived, with its new scores. */
    private CommentFacts facts(SitePolicy policy, CommentEntity comment) {
        Instant at = comment.receivedAt;
        boolean repeat = policy.holdRepeatPosts() && comments.isRepeatWithin(comment.siteId, comment.authorId,
                comment.textFingerprint, at.minus(Duration.ofHours(policy.repeatWindowHours())), at, comment.externalId);
        long approved = policy.preModerateNewCommenters()
                ? comments.countApprovedBefore(comment.siteId, comment.authorId, at) : 0;
        int decided = 0;
        int rejected = 0;
        if (policy.rejectionRateLimit() != null) {
            for (var c : comments.latestStatusesByAuthorBefore(comment.siteId, comment.authorId, at,
                    policy.rejectionRateWindow())) {
                if (c.externalId().equals(comment.externalId) || c.status() == CommentStatus.REVIEW) {
                    continue;
                }
                decided++;
                rejected += c.status() == CommentStatus.REJECTED ? 1 : 0;
            }
        }
        return new CommentFacts(comment.scores(), normalizer.normalize(comment.text), repeat, approved, decided,
                rejected);
    }
}
