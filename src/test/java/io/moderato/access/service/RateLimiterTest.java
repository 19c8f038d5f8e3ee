package io.moderato.access.service;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-key token bucket: a burst of the whole budget, then an even refill, each key on its own. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstOfTheBudgetThenWaitsWhatTheRefillNeeds() {
        RateLimiter limiter = new RateLimiter();
        for (int i = 0; i < 60; i++) {
            assertEquals(OptionalLong.empty(), limiter.acquire("k", 60, 0), "request " + i);
        }
        assertEquals(OptionalLong.of(1), limiter.acquire("k", 60, 0), "one token a second");
        assertEquals(OptionalLong.empty(), limiter.acquire("k", 60, SECOND), "refilled after a second");
        assertTrue(limiter.acquire("k", 60, SECOND).isPresent());
        assertEquals(OptionalLong.empty(), limiter.acquire("other", 60, SECOND), "keys do not share budgets");
    }

    @Test
    void theBucketNeverHoldsMoreThanTheBudget() {
        RateLimiter limiter = new RateLimiter();
        limiter.acquire("k", 2, 0);
        long later = 3600 * SECOND;
        assertEquals(OptionalLong.empty(), limiter.acquire("k", 2, later));
        assertEquals(OptionalLong.empty(), limiter.acquire("k", 2, later));
        assertEquals(OptionalLong.of(30), limiter.acquire("k", 2, later), "two a minute: 30 seconds for the next");
    }
}
