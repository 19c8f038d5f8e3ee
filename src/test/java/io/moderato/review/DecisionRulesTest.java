package io.moderato.review;

import io.moderato.comment.CommentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision conflict rules, one by one. */
class DecisionRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private static DecisionRules.CommentState held() {
        return new DecisionRules.CommentState(2, CommentStatus.REVIEW, null, null, null, null);
    }

    @Test
    void aHeldUndecidedCommentMayBeDecided() {
        assertEquals(Optional.empty(), DecisionRules.conflict(held(), null, null, "ann", NOW));
        assertEquals(Optional.empty(), DecisionRules.conflict(held(), 2, CommentStatus.REVIEW, "ann", NOW));
    }

    @Test
    void anEditSinceTheModeratorLookedConflicts() {
        assertTrue(DecisionRules.conflict(held(), 1, null, "ann", NOW).orElseThrow().contains("edited"));
    }

    @Test
    void anotherStatusThanExpectedConflicts() {
        assertTrue(DecisionRules.conflict(held(), null, CommentStatus.APPROVED, "ann", NOW).orElseThrow().contains("REVIEW now"));
    }

    @Test
    void overrulingAnotherModeratorTakesTheExpectedStatus() {
        var decided = new DecisionRules.CommentState(2, CommentStatus.REJECTED, "bob", NOW.minusSeconds(60), null, null);
        assertTrue(DecisionRules.conflict(decided, null, null, "ann", NOW).orElseThrow().contains("already decided"));
        assertEquals(Optional.empty(), DecisionRules.conflict(decided, null, CommentStatus.REJECTED, "ann", NOW));
    }

    @Test
    void anotherModeratorsLiveClaimConflictsButAnExpiredOneOrOnesOwnDoesNot() {
        var claimed = new DecisionRules.CommentState(2, CommentStatus.REVIEW, null, null, "bob", NOW.plusSeconds(30));
        assertTrue(DecisionRules.conflict(claimed, null, null, "ann", NOW).orElseThrow().contains("claimed by bob"));
        assertEquals(Optional.empty(), DecisionRules.conflict(claimed, null, null, "bob", NOW));
        var expired = new DecisionRules.CommentState(2, CommentStatus.REVIEW, null, null, "bob", NOW.minusSeconds(1));
        assertEquals(Optional.empty(), DecisionRules.conflict(expired, null, null, "ann", NOW));
    }
}
