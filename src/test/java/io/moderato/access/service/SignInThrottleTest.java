package io.moderato.access.service;

import io.moderato.access.config.AccessConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in throttle's arithmetic ({@link SignInThrottle.Failures}): free attempts, doubling waits, lockout, reset,
 * per address. The addresses' rows are a map here; the service keeps them in the database (see
 * {@code SignInThrottleHttpTest}).
 */
class SignInThrottleTest {

    /** The throttle's bookkeeping over a map instead of the database table. */
    private static final class Throttle {
        private final java.util.Map<String, SignInThrottle.Failures> rows = new java.util.HashMap<>();

        Optional<Duration> waitBefore(String address, Instant now) {
            SignInThrottle.Failures f = rows.get(address);
            return f == null ? Optional.empty() : f.waitBefore(now, CONFIG);
        }

        void failed(String address, Instant now) {
            rows.put(address, SignInThrottle.Failures.after(rows.get(address), now, CONFIG));
        }

        void succeeded(String address) {
            rows.remove(address);
        }

        Duration delay(int count) {
            return SignInThrottle.Failures.delay(count, CONFIG);
        }
    }

    private static final AccessConfig CONFIG = new AccessConfig() {
        @Override
        public Optional<String> bootstrapAdminKey() {
            return Optional.empty();
        }

        @Override
        public int defaultRateLimitPerMinute() {
            return 100;
        }

        @Override
        public double rateLimitLeaseShare() {
            return 0.02;
        }

        @Override
        public Duration rateLimitLeaseDuration() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration sessionIdleTimeout() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration sessionMaxAge() {
            return Duration.ofHours(2);
        }

        @Override
        public int signInSlowAfterFailures() {
            return 3;
        }

        @Override
        public int signInMaxFailures() {
            return 6;
        }

        @Override
        public Duration signInWindow() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Duration signInLockout() {
            return Duration.ofMinutes(10);
        }
    };

    private final Instant t0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void failuresSlowDownThenLockOut() {
        Throttle throttle = new Throttle();
        throttle.failed("10.0.0.1", t0);
        throttle.failed("10.0.0.1", t0);
        assertEquals(Optional.empty(), throttle.waitBefore("10.0.0.1", t0), "two failures cost nothing");
        throttle.failed("10.0.0.1", t0);
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.waitBefore("10.0.0.1", t0));
        assertEquals(Optional.empty(), throttle.waitBefore("10.0.0.1", t0.plusSeconds(1)));
        throttle.failed("10.0.0.1", t0.plusSeconds(1));
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.waitBefore("10.0.0.1", t0.plusSeconds(1)));
        throttle.failed("10.0.0.1", t0.plusSeconds(3));
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.waitBefore("10.0.0.1", t0.plusSeconds(3)));
        assertEquals(Optional.empty(), throttle.waitBefore("10.0.0.2", t0.plusSeconds(3)), "other addresses are not affected");
        throttle.failed("10.0.0.1", t0.plusSeconds(7));
        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.waitBefore("10.0.0.1", t0.plusSeconds(7)), "sixth failure: locked out");
        assertTrue(throttle.waitBefore("10.0.0.1", t0.plusSeconds(7).plus(Duration.ofMinutes(9))).isPresent());
        assertEquals(Optional.empty(), throttle.waitBefore("10.0.0.1", t0.plusSeconds(8).plus(Duration.ofMinutes(10))));
    }

    @Test
    void successClearsAndOldFailuresExpire() {
        Throttle throttle = new Throttle();
        for (int i = 0; i < 3; i++) {
            throttle.failed("a", t0);
        }
        throttle.succeeded("a");
        assertEquals(Optional.empty(), throttle.waitBefore("a", t0));
        for (int i = 0; i < 3; i++) {
            throttle.failed("b", t0);
        }
        throttle.failed("b", t0.plus(Duration.ofMinutes(16)));
        assertEquals(Optional.empty(), throttle.waitBefore("b", t0.plus(Duration.ofMinutes(16))), "a failure after the window starts afresh");
    }

    @Test
    void theDelayDoublesUpToAMinute() {
        Throttle throttle = new Throttle();
        assertEquals(Duration.ZERO, throttle.delay(2));
        assertEquals(Duration.ofSeconds(1), throttle.delay(3));
        assertEquals(Duration.ofSeconds(32), throttle.delay(8));
        assertEquals(Duration.ofMinutes(1), throttle.delay(9));
        assertEquals(Duration.ofMinutes(1), throttle.delay(500));
    }
}
