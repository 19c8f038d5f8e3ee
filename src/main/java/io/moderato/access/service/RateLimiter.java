package io.moderato.access.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: a key may spend its per-minute budget in a burst, then refills evenly. Held in memory,
 * so with several instances each enforces the budget on its own share of the traffic.
 */
@ApplicationScoped
public class RateLimiter {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param key          the key's prefix
     * @param perMinute    its budget
     * @param nowNanos     the current {@link System#nanoTime()}
     * @return empty when the request may go ahead, else how many seconds to wait
     */
    public OptionalLong acquire(String key, int perMinute, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, nowNanos));
        return bucket.take(perMinute, nowNanos);
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized OptionalLong take(int capacity, long now) {
            double perNano = capacity / 60e9;
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            double waitNanos = (1 - tokens) / perNano;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
        }
    }
}
