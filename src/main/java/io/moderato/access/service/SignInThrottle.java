package io.moderato.access.service;

import io.moderato.access.config.AccessConfig;
import io.moderato.access.repository.SignInFailureEntity;
import io.moderato.access.repository.SignInFailureRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Slows down, then refuses, dashboard sign-ins from a client address that keeps failing: after
 * {@link AccessConfig#signInSlowAfterFailures()} failures, each further attempt must wait (1 s, 2 s, 4 s... up to a
 * minute) after the last failure; at {@link AccessConfig#signInMaxFailures()} failures within
 * {@link AccessConfig#signInWindow()} the address is refused for {@link AccessConfig#signInLockout()}. An early
 * attempt is refused without the key being checked, so guessing gains nothing by hurrying. A successful sign-in
 * clears the address. The failures are kept in the database (table {@code sign_in_failure}, one row per address,
 * locked while a failure is counted), so the throttle holds across every replica: spreading guesses over the
 * replicas of a cluster gains nothing either. The arithmetic is {@link Failures}.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Duration LONGEST_DELAY = Duration.ofMinutes(1);
    private static final int ADDRESS_LENGTH = 100;

    private final AccessConfig config;
    private final SignInFailureRepository rows;

    public SignInThrottle(AccessConfig config, SignInFailureRepository rows) {
        this.config = config;
        this.rows = rows;
    }

    /**
     * An address's failures and what they cost. Immutable.
     *
     * @param count       failures counted
     * @param first       the first one in the current window
     * @param last        the latest one
     * @param lockedUntil refused until then, or null
     */
    public record Failures(int count, Instant first, Instant last, Instant lockedUntil) {

        /**
         * @param now    the current time
         * @param config the throttle's settings
         * @return how long the address must wait before it may try again; empty when it may try now
         */
        public Optional<Duration> waitBefore(Instant now, AccessConfig config) {
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return Optional.of(Duration.between(now, lockedUntil));
            }
            Instant allowedAt = last.plus(delay(count, config));
            return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
        }

        /**
         * @param previous the failures so far, or null
         * @param now      when another failure happened
         * @param config   the throttle's settings
         * @return the failures with it
         */
        public static Failures after(Failures previous, Instant now, AccessConfig config) {
            if (previous == null || previous.isOver(now, config)) {
                return new Failures(1, now, now, null);
            }
            int count = previous.count() + 1;
            Instant lockedUntil = count >= config.signInMaxFailures() ? now.plus(config.signInLockout()) : null;
            return new Failures(count, previous.first(), now, lockedUntil);
        }

        /**
         * @param now    the current time
         * @param config the throttle's settings
         * @return true when these failures no longer count: no lockout in force and the window has passed
         */
        public boolean isOver(Instant now, AccessConfig config) {
            boolean locked = lockedUntil != null && now.isBefore(lockedUntil);
            return !locked && last.plus(config.signInWindow()).isBefore(now);
        }

        /**
         * @param count  failures
         * @param config the throttle's settings
         * @return the wait after that many failures: none up to the threshold, then doubling from one second
         */
        static Duration delay(int count, AccessConfig config) {
            int over = count - config.signInSlowAfterFailures();
            if (over < 0) {
                return Duration.ZERO;
            }
            Duration delay = Duration.ofSeconds(1L << Math.min(over, 6));
            return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
        }
    }

    /**
     * @param address the client's address
     * @param now     the current time
     * @return how long the client must wait before it may try again; empty when it may try now
     */
    public Optional<Duration> waitBefore(String address, Instant now) {
        String key = key(address);
        return QuarkusTransaction.requiringNew().call(() -> rows.findByIdOptional(key)
                .flatMap(row -> failures(row).waitBefore(now, config)));
    }

    /**
     * Records a failed sign-in.
     *
     * @param address the client's address
     * @param now     the current time
     */
    public void failed(String address, Instant now) {
        String key = key(address);
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        try {
            QuarkusTransaction.requiringNew().run(() -> count(key, at));
        } catch (RuntimeException e) {
            // Another replica recorded the address's first failure at the same moment (a duplicate key): count on its row.
            QuarkusTransaction.requiringNew().run(() -> count(key, at));
        }
    }

    private void count(String key, Instant now) {
        SignInFailureEntity row = rows.lock(key).orElse(null);
        Failures next = Failures.after(row == null ? null : failures(row), now, config);
        if (row == null) {
            row = new SignInFailureEntity();
            row.address = key;
            write(next, row);
            rows.persist(row);
            rows.flush();
        } else {
            write(next, row);
        }
    }

    /**
     * Clears an address after a successful sign-in.
     *
     * @param address the client's address
     */
    public void succeeded(String address) {
        String key = key(address);
        QuarkusTransaction.requiringNew().run(() -> rows.deleteById(key));
    }

    /** Deletes the failures that no longer count, every few minutes (not while the service starts or stops). */
    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldFailures() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> rows.deleteOver(now.minus(config.signInWindow()), now));
    }

    private static Failures failures(SignInFailureEntity row) {
        return new Failures(row.failures, row.firstAt, row.lastAt, row.lockedUntil);
    }

    private static void write(Failures failures, SignInFailureEntity row) {
        row.failures = failures.count();
        row.firstAt = failures.first();
        row.lastAt = failures.last();
        row.lockedUntil = failures.lockedUntil();
    }

    private static String key(String address) {
        return address.length() <= ADDRESS_LENGTH ? address : address.substring(0, ADDRESS_LENGTH);
    }
}
