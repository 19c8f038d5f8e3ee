package io.moderato;

import io.moderato.audit.service.AuditLog;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.CommentStatusChanged;
import io.moderato.comment.repository.CommentEntity;
import io.moderato.comment.repository.CommentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Test helper for what has no API yet: a moderator's decision recorded the way the review code records it (status,
 * audit entry and {@link CommentStatusChanged} in one transaction), and status changes fired directly.
 */
@ApplicationScoped
public class ModerationFixtures {

    private final CommentRepository comments;
    private final AuditLog audit;
    private final Event<CommentStatusChanged> changes;

    public ModerationFixtures(CommentRepository comments, AuditLog audit, Event<CommentStatusChanged> changes) {
        this.comments = comments;
        this.audit = audit;
        this.changes = changes;
    }

    /**
     * @param siteId    the site
     * @param commentId the site's comment id (must exist)
     * @param status    the moderator's verdict
     * @param actor     the moderator
     */
    @Transactional
    public void decide(String siteId, String commentId, CommentStatus status, String actor) {
        CommentEntity comment = comments.findBySiteAndExternalId(siteId, commentId).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CommentStatus previous = comment.status;
        comment.status = status;
        comment.decidedBy = actor;
        comment.decidedAt = now;
        audit.append(new AuditLog.Entry(actor, AuditLog.DECIDED, siteId, commentId, previous.name(), status.name(),
                "test", null, null, null));
        changes.fire(new CommentStatusChanged(siteId, commentId, previous, status, actor, now));
    }

    /** @param change a change to fire in its own committed transaction */
    @Transactional
    public void fire(CommentStatusChanged change) {
        changes.fire(change);
    }

    /** @param change a change to fire in a transaction that then rolls back */
    public void fireThenRollBack(CommentStatusChanged change) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                changes.fire(change);
                throw new RolledBack();
            });
        } catch (RuntimeException e) {
            if (!(e instanceof RolledBack) && !(e.getCause() instanceof RolledBack)) {
                throw e;
            }
        }
    }

    private static final class RolledBack extends RuntimeException {
    }
}
