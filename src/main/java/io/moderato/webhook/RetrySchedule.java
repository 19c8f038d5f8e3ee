package io.moderato.webhook;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: the configured delays in turn (the last one repeating), each stretched or
 * shrunk by a random jitter so that many deliveries failing together do not all come back at the same moment.
 *
 * @param delays      delay after the 1st, 2nd, ... failed attempt; the last repeats
 * @param maxAttempts attempts in all before a delivery is given up
 * @param jitter      relative jitter, 0 to 1 (0.2: each delay is multiplied by a random factor in [0.8, 1.2])
 */
public record RetrySchedule(List<Duration> delays, int maxAttempts, double jitter) {

    /** Checks the settings. */
    public RetrySchedule {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("at least one retry delay is needed");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
        delays = List.copyOf(delays);
    }

    /**
     * @param attemptsMade attempts made so far (at least 1)
     * @param random       the source of jitter
     * @return the delay before the next attempt, or null when the delivery is to be given up
     */
    public Duration nextDelay(int attemptsMade, RandomGenerator random) {
        if (attemptsMade >= maxAttempts) {
            return null;
        }
        Duration base = delays.get(Math.min(attemptsMade, delays.size()) - 1);
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofNanos(Math.round(base.toNanos() * factor));
    }
}
