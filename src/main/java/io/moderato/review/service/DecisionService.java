package io.moderato.review.service;

import io.moderato.audit.repository.AuditEntryEntity;
import io.moderato.audit.service.AuditLog;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.CommentStatusChanged;
import io.moderato.comment.CommentView;
import io.moderato.comment.repository.CommentEntity;
import io.moderato.comment.repository.CommentRepository;
import io.moderato.comment.service.CommentService;
import io.moderato.comment.service.StatusChanges;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.classification.Attribute;
import io.moderato.labels.DecisionLabels;
import io.moderato.labels.LabelSource;
import io.moderato.labels.service.LabelService;
import io.moderato.policy.Decision;
import io.moderato.policy.Reason;
import io.moderato.problem.ProblemException;
import io.moderato.review.DecisionRules;
import io.moderato.review.config.ReviewConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moderators' decisions. Each decision locks its comment row, checks that the moderator decided on what is
 * current (else 409), and changes its status through {@link StatusChanges} (the audit entry with the previous state
 * and the model's scores, and the {@link CommentStatusChanged} event), all in one transaction.
 */
@ApplicationScoped
public class DecisionService {

    private final CommentRepository comments;
    private final CommentService views;
    private final AuditLog audit;
    private final StatusChanges statusChanges;
    private final EntityManager entityManager;
    private final ReviewConfig config;
    private final LabelService labels;
    private final ObjectMapper json;

    public DecisionService(CommentRepository comments, CommentService views, AuditLog audit,
                           StatusChanges statusChanges, EntityManager entityManager, ReviewConfig config,
                           LabelService labels, ObjectMapper json) {
        this.comments = comments;
        this.views = views;
        this.audit = audit;
        this.statusChanges = statusChanges;
        this.entityManager = entityManager;
        this.config = config;
        this.labels = labels;
        this.json = json;
    }

    /**
     * One decision.
     *
     * @param siteId           the site
     * @param commentId        the site's comment id
     * @param decision         APPROVE or REJECT
     * @param reason           the moderator's reason (a code or short text)
     * @param note             a free note
     * @param expectedRevision the text revision the moderator saw (null: not checked)
     * @param expectedStatus   the status the moderator saw (null: REVIEW unless nobody decided yet)
     */
    public record DecisionCommand(String siteId, String commentId, Decision decision, String reason, String note,
                                 Integer expectedRevision, CommentStatus expectedStatus) {
    }

    /**
     * @param command   the decision
     * @param moderator who decides
     * @return the comment as decided
     * @throws ProblemException 404 for an unknown comment, 409 when the comment changed, was decided by someone
     *                          else or is claimed by another moderator
     */
    public CommentView decide(DecisionCommand command, String moderator) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CommentEntity comment = locked(command.siteId(), command.commentId());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            DecisionRules.conflict(new DecisionRules.CommentState(comment.revision, comment.status, comment.decidedBy,
                            comment.decidedAt, comment.claimedBy, comment.claimExpiresAt), command.expectedRevision(),
                    command.expectedStatus(), moderator, now).ifPresent(reason -> {
                        throw ProblemException.conflict(reason);
                    });
            CommentStatus previous = comment.status;
            comment.decidedBy = moderator;
            comment.decidedAt = now;
            comment.claimedBy = null;
            comment.claimExpiresAt = null;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("revision", comment.revision);
            details.put("machineDecision", comment.machineDecision.name());
            details.put("modelVersion", comment.modelVersion);
            statusChanges.transition(comment, CommentStatus.of(command.decision()), new StatusChanges.Change(moderator,
                    moderator, AuditLog.DECIDED, command.reason(), command.note(), details), now);
            recordLabel(comment, previous, command, moderator);
            entityManager.flush();
            return views.view(comment, false);
        });
    }

    /**
     * Undoes the moderator's own last decision on a comment, if it is recent and still in force.
     *
     * @param siteId    the site
     * @param commentId the site's comment id
     * @param moderator who undoes
     * @return the comment, back in its previous state
     * @throws ProblemException 409 when there is nothing of theirs to undo any more
     */
    public CommentView undo(String siteId, String commentId, String moderator) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CommentEntity comment = locked(siteId, commentId);
            // The two newest decisions or undos: the one to undo, and the one it overruled (if any).
            List<AuditEntryEntity> decisions = audit.latestDecisions(siteId, commentId, 2);
            AuditEntryEntity last = decisions.isEmpty() ? null : decisions.get(0);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (last == null || !AuditLog.DECIDED.equals(last.action) || !moderator.equals(last.actor)
                    || !comment.status.name().equals(last.newStatus)
                    || last.recordedAt.isBefore(now.minusSeconds(config.undoSeconds()))) {
                throw ProblemException.conflict("nothing to undo: only your own last decision on this comment, within "
                        + config.undoSeconds() + " seconds, can be undone");
            }
            AuditEntryEntity before = decisions.size() > 1 && AuditLog.DECIDED.equals(decisions.get(1).action)
                    ? decisions.get(1) : null;
            comment.decidedBy = before == null ? null : before.actor;
            comment.decidedAt = before == null ? null : before.recordedAt;
            statusChanges.transition(comment, CommentStatus.valueOf(last.previousStatus), new StatusChanges.Change(moderator,
                    moderator, AuditLog.UNDONE, "undo", null, Map.of("undoneEntry", last.id)), now);
            labels.withdraw(siteId, LabelSource.DECISION, commentId);
            entityManager.flush();
            return views.view(comment, false);
        });
    }

    /**
     * The decision as a label of the site (replacing the label of an earlier decision on the comment): a rejection
     * labels what its reason names, approving a held comment labels it clean of what held it.
     */
    private void recordLabel(CommentEntity comment, CommentStatus previous, DecisionCommand command, String moderator) {
        labels.withdraw(comment.siteId, LabelSource.DECISION, comment.externalId);
        Map<Attribute, Double> values;
        if (command.decision() == Decision.REJECT) {
            values = DecisionLabels.rejected(command.reason());
        } else if (previous == CommentStatus.REVIEW) {
            values = DecisionLabels.approvedAfterHold(heldFor(comment));
        } else {
            return;
        }
        labels.record(comment.siteId, LabelSource.DECISION, comment.externalId, comment.text, values, moderator);
    }

    private List<Attribute> heldFor(CommentEntity comment) {
        if (comment.reasons == null) {
            return List.of();
        }
        try {
            List<Reason> reasons = json.readValue(comment.reasons, new TypeReference<List<Reason>>() { });
            return reasons.stream().filter(r -> Reason.ATTRIBUTE.equals(r.code()) && r.attribute() != null)
                    .map(r -> Attribute.fromKey(r.attribute())).flatMap(java.util.Optional::stream).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private CommentEntity locked(String siteId, String commentId) {
        CommentEntity comment = comments.findBySiteAndExternalId(siteId, commentId)
                .orElseThrow(() -> ProblemException.notFound("no comment " + commentId + " on site " + siteId));
        entityManager.refresh(comment, LockModeType.PESSIMISTIC_WRITE);
        return comment;
    }
}
