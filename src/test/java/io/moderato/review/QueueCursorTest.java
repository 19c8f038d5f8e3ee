package io.moderato.review;

import io.moderato.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Queue cursors: they round-trip exactly, and anything else is a 400 naming the cursor. */
class QueueCursorTest {

    @Test
    void roundTripsForBothOrders() {
        QueueCursor score = new QueueCursor(QueueSort.SCORE, 0.8734567891234567, 42);
        assertEquals(score, QueueCursor.decode(score.encode(), QueueSort.SCORE));
        QueueCursor time = new QueueCursor(QueueSort.TIME, 1_764_000_000_123_456L, 7);
        assertEquals(time, QueueCursor.decode(time.encode(), QueueSort.TIME));
    }

    @Test
    void aCursorOfAnotherOrderIsRefused() {
        String score = new QueueCursor(QueueSort.SCORE, 0.5, 1).encode();
        ProblemException e = assertThrows(ProblemException.class, () -> QueueCursor.decode(score, QueueSort.TIME));
        assertEquals(400, e.status());
        assertEquals("cursor", e.errors().get(0).field());
    }

    @Test
    void garbageIsRefusedWith400() {
        for (String bad : new String[] {"", "!!!", "abc", encode("SCORE|x|1"), encode("SCORE|0.5"), encode("NOPE|0.5|1"),
                encode("SCORE|0.5|1|2"), encode("TIME|1|notanid")}) {
            ProblemException e = assertThrows(ProblemException.class, () -> QueueCursor.decode(bad, QueueSort.SCORE), bad);
            assertEquals(400, e.status(), bad);
            assertEquals("cursor", e.errors().get(0).field(), bad);
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
