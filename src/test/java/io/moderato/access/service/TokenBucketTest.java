package io.moderato.access.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared token bucket's arithmetic: a burst of the whole budget, an even refill, leases and their return. */
class TokenBucketTest {

    private static final long SECOND = 1000;

    @Test
    void aBurstOfTheBudgetThenWaitsWhatTheRefillNeeds() {
        TokenBucket bucket = TokenBucket.full(60, 0);
        for (int i = 0; i < 60; i++) {
            TokenBucket.Take take = bucket.take(60, 1, 0, 0);
            assertEquals(1, take.granted(), "request " + i);
            bucket = take.bucket();
        }
        TokenBucket.Take refused = bucket.take(60, 1, 0, 0);
        assertEquals(0, refused.granted());
        assertEquals(SECOND, refused.waitMillis(), "one token a second");
        assertEquals(1, refused.bucket().take(60, 1, 0, SECOND).granted(), "refilled after a second");
    }

    @Test
    void theBucketNeverHoldsMoreThanTheBudget() {
        TokenBucket bucket = TokenBucket.full(2, 0).take(2, 1, 0, 0).bucket();
        TokenBucket.Take later = bucket.take(2, 5, 0, 3600 * SECOND);
        assertEquals(2, later.granted(), "an hour refills two, not 120");
        assertEquals(30 * SECOND, later.bucket().take(2, 1, 0, 3600 * SECOND).waitMillis(), "two a minute: 30 seconds for the next");
    }

    @Test
    void aLeaseTakesWhatIsLeftAndUnusedTokensComeBack() {
        TokenBucket.Take lease = TokenBucket.full(100, 0).take(100, 40, 0, 0);
        assertEquals(40, lease.granted());
        TokenBucket.Take rest = lease.bucket().take(100, 80, 0, 0);
        assertEquals(60, rest.granted(), "no more than the bucket holds");
        TokenBucket.Take returned = rest.bucket().take(100, 20, 15, 0);
        assertEquals(15, returned.granted(), "the 15 tokens another lease gave back");
    }

    @Test
    void aClockBehindTheBucketsAddsNothing() {
        TokenBucket empty = TokenBucket.full(60, 10 * SECOND).take(60, 60, 0, 10 * SECOND).bucket();
        TokenBucket.Take behind = empty.take(60, 1, 0, 5 * SECOND);
        assertEquals(0, behind.granted(), "a replica whose clock is behind earns no refill");
        assertEquals(10 * SECOND, behind.bucket().updatedMillis());
    }
}
