package io.moderato;

import io.moderato.comment.CommentStatusChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Test helper: fires {@link CommentStatusChanged} directly, in a committed transaction or in one that rolls back, for
 * changes the API cannot make on demand.
 */
@ApplicationScoped
public class ModerationFixtures {

    private final Event<CommentStatusChanged> changes;

    public ModerationFixtures(Event<CommentStatusChanged> changes) {
        this.changes = changes;
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
