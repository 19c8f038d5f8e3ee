package io.moderato.review;

import io.moderato.comment.CommentStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * When a moderator's decision conflicts with the comment as it is now (409): it was edited since the moderator saw
 * it, its status is not the one they saw, another moderator already decided it (overruling takes
 * {@code expectedStatus}), or another moderator holds an unexpired claim on it.
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    /**
     * The comment's state that a decision is checked against.
     *
     * @param revision       its text revision
     * @param status         its status
     * @param decidedBy      the moderator who decided it, if one did
     * @param decidedAt      when
     * @param claimedBy      the moderator holding a claim on it, if any
     * @param claimExpiresAt when that claim ends
     */
    public record CommentState(int revision, CommentStatus status, String decidedBy, Instant decidedAt, String claimedBy,
                               Instant claimExpiresAt) {
    }

    /**
     * @param state            the comment now
     * @param expectedRevision the revision the moderator saw (null: not checked)
     * @param expectedStatus   the status the moderator saw (null: the comment must not have been decided by anyone)
     * @param moderator        who decides
     * @param now              the current time
     * @return why the decision conflicts; empty when it may go ahead
     */
    public static Optional<String> conflict(CommentState state, Integer expectedRevision, CommentStatus expectedStatus,
                                            String moderator, Instant now) {
        if (expectedRevision != null && expectedRevision != state.revision()) {
            return Optional.of("the comment was edited since you loaded it (revision " + state.revision() + ", you saw "
                    + expectedRevision + ")");
        }
        if (expectedStatus != null && expectedStatus != state.status()) {
            return Optional.of("the comment is " + state.status() + " now, not " + expectedStatus);
        }
        if (expectedStatus == null && state.decidedBy() != null) {
            return Optional.of("already decided (" + state.status() + ") by " + state.decidedBy() + " at " + state.decidedAt()
                    + "; send expectedStatus to overrule");
        }
        if (state.claimedBy() != null && !state.claimedBy().equals(moderator) && state.claimExpiresAt() != null
                && state.claimExpiresAt().isAfter(now)) {
            return Optional.of("claimed by " + state.claimedBy() + " until " + state.claimExpiresAt());
        }
        return Optional.empty();
    }
}
