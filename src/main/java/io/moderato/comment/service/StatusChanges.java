package io.moderato.comment.service;

import io.moderato.audit.service.AuditLog;
import io.moderato.classification.Attribute;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.CommentStatusChanged;
import io.moderato.comment.repository.CommentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * The one way a comment's status changes: ingest, edits, moderators' decisions (single and bulk) and undo all go
 * through here, so each change is recorded alike: one audit entry (with the previous and new status and the model's
 * scores at the time) and, when the status differs, the {@link CommentStatusChanged} event webhooks listen to; all in
 * the caller's transaction.
 */
@ApplicationScoped
public class StatusChanges {

    private final AuditLog audit;
    private final Event<CommentStatusChanged> events;

    public StatusChanges(AuditLog audit, Event<CommentStatusChanged> events) {
        this.audit = audit;
        this.events = events;
    }

    /**
     * Why and by whom a status changed.
     *
     * @param actor     who acted, recorded in the audit log (the key's name)
     * @param decidedBy who decided the new status, as the event reports it ({@code moderato} for the policy)
     * @param action    the audit action, e.g. {@link AuditLog#DECIDED}
     * @param reason    the reason code or text
     * @param note      a moderator's note
     * @param details   anything else worth keeping (JSON-able)
     * @param cause     {@link CommentStatusChanged#RESCORE} for a re-scoring job, else null
     */
    public record Change(String actor, String decidedBy, String action, String reason, String note, Object details,
                         String cause) {

        /**
         * A change by an ingest, an edit or a moderator.
         *
         * @param actor     who acted
         * @param decidedBy who decided the new status
         * @param action    the audit action
         * @param reason    the reason
         * @param note      a moderator's note
         * @param details   anything else worth keeping
         */
        public Change(String actor, String decidedBy, String action, String reason, String note, Object details) {
            this(actor, decidedBy, action, reason, note, details, null);
        }
    }

    /**
     * Moves a comment to a new status and records the change.
     *
     * @param comment the comment, locked or new in the current transaction
     * @param next    its new status
     * @param change  why and by whom
     * @param at      when
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void transition(CommentEntity comment, CommentStatus next, Change change, Instant at) {
        CommentStatus previous = comment.status;
        comment.status = next;
        comment.updatedAt = at;
        record(comment, previous, change, at);
    }

    /**
     * Records a status the comment already has (a new comment's first status must be set before it is inserted).
     *
     * @param comment  the comment, with its new status
     * @param previous its status before; null for a new comment
     * @param change   why and by whom
     * @param at       when
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CommentEntity comment, CommentStatus previous, Change change, Instant at) {
        audit.append(new AuditLog.Entry(change.actor(), change.action(), comment.siteId, comment.externalId,
                previous == null ? null : previous.name(), comment.status.name(), change.reason(), change.note(),
                Attribute.byKey(comment.scores()), change.details()));
        if (previous != comment.status) {
            events.fire(new CommentStatusChanged(comment.siteId, comment.externalId, previous, comment.status,
                    change.decidedBy(), at, change.cause()));
        }
    }
}
