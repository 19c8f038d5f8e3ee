package io.moderato.access.service;

import io.moderato.access.config.AccessConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down, then refuses, dashboard sign-ins from a client address that keeps failing: after
 * {@link AccessConfig#signInSlowAfterFailures()} failures, each further attempt must wait (1 s, 2 s, 4 s... up to a
 * minute) after the last failure; at {@link AccessConfig#signInMaxFailures()} failures within
 * {@link AccessConfig#signInWindow()} the address is refused for {@link AccessConfig#signInLockout()}. An early
 * attempt is refused without the key being checked, so guessing gains nothing by hurrying. A successful sign-in
 * clears the address. Held in memory per instance, like the rate limiter.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Duration LONGEST_DELAY = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 100_000;

    private final AccessConfig config;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInThrottle(AccessConfig config) {
        this.config = config;
    }

    private record Failures(int count, Instant first, Instant last, Instant lockedUntil) {
    }

    /**
     * @param address the client's address
     * @param now     the current time
     * @return how long the client must wait before it may try again; empty when it may try now
     */
    public Optional<Duration> waitBefore(String address, Instant now) {
        Failures f = failures.get(address);
        if (f == null) {
            return Optional.empty();
        }
        if (f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            return Optional.of(Duration.between(now, f.lockedUntil()));
        }
        Instant allowedAt = f.last().plus(delay(f.count()));
        return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    /**
     * Records a failed sign-in.
     *
     * @param address the client's address
     * @param now     the current time
     */
    public void failed(String address, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.entrySet().removeIf(e -> isOver(e.getValue(), now));
        }
        failures.compute(address, (a, f) -> {
            if (f == null || isOver(f, now)) {
                return new Failures(1, now, now, null);
            }
            int count = f.count() + 1;
            Instant lockedUntil = count >= config.signInMaxFailures() ? now.plus(config.signInLockout()) : null;
            return new Failures(count, f.first(), now, lockedUntil);
        });
    }

    /**
     * Clears an address after a successful sign-in.
     *
     * @param address the client's address
     */
    public void succeeded(String address) {
        failures.remove(address);
    }

    /** The wait after the given number of failures: none up to the threshold, then doubling from one second. */
    Duration delay(int count) {
        int over = count - config.signInSlowAfterFailures();
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(over, 6));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    private boolean isOver(Failures f, Instant now) {
        boolean locked = f.lockedUntil() != null && now.isBefore(f.lockedUntil());
        return !locked && f.last().plus(config.signInWindow()).isBefore(now);
    }
}
