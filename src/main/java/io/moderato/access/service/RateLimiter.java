package io.moderato.access.service;

import io.moderato.access.config.AccessConfig;
import io.moderato.access.repository.RateLimitBucketEntity;
import io.moderato.access.repository.RateLimitBucketRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key rate limits that hold across replicas: each key has one token bucket in the database
 * ({@link TokenBucket}, table {@code rate_limit_bucket}), and a replica takes a small lease of tokens from it at a
 * time ({@link AccessConfig#rateLimitLeaseShare()} of the budget, at least one) and serves requests from the lease
 * until it is used up or {@link AccessConfig#rateLimitLeaseDuration()} has passed; unused tokens of a lapsed lease
 * go back with the next take. Every admitted request has spent a token of the one shared bucket, so the cluster never
 * admits more than the bucket allows; what a lease holds unused at a given moment (at most one lease per replica)
 * is the most it can admit less. Once the bucket is empty, a replica refuses the key locally until the refill makes
 * a token, instead of asking the database on every refused request. With a single instance (H2) it is the same
 * bucket, asked once a lease.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitBucketRepository buckets;
    private final AccessConfig config;
    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitBucketRepository buckets, AccessConfig config) {
        this.buckets = buckets;
        this.config = config;
    }

    /** The tokens this replica holds for a key, and until when. */
    private static final class Lease {
        private int tokens;
        private long expiresAt;
        private long refusedUntil;
    }

    /**
     * @param key       the key's prefix
     * @param perMinute its budget
     * @param nowMillis the current time (epoch milliseconds)
     * @return empty when the request may go ahead, else how many seconds to wait
     */
    public OptionalLong acquire(String key, int perMinute, long nowMillis) {
        Lease lease = leases.computeIfAbsent(key, k -> new Lease());
        synchronized (lease) {
            if (nowMillis < lease.refusedUntil) {
                return OptionalLong.of(seconds(lease.refusedUntil - nowMillis));
            }
            if (lease.tokens > 0 && nowMillis < lease.expiresAt) {
                lease.tokens--;
                return OptionalLong.empty();
            }
            TokenBucket.Take take = take(key, perMinute, leaseSize(perMinute), lease.tokens, nowMillis);
            lease.tokens = Math.max(0, take.granted() - 1);
            lease.expiresAt = nowMillis + config.rateLimitLeaseDuration().toMillis();
            if (take.granted() == 0) {
                lease.refusedUntil = nowMillis + take.waitMillis();
                return OptionalLong.of(seconds(take.waitMillis()));
            }
            return OptionalLong.empty();
        }
    }

    /** @return the tokens one lease takes: the configured share of the budget, at least one */
    int leaseSize(int perMinute) {
        return Math.max(1, (int) Math.floor(perMinute * config.rateLimitLeaseShare()));
    }

    private TokenBucket.Take take(String key, int perMinute, int wanted, int returned, long nowMillis) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> takeLocked(key, perMinute, wanted, returned, nowMillis));
        } catch (RuntimeException e) {
            // Another replica created the key's bucket at the same moment (a duplicate key): take from the one it created.
            return QuarkusTransaction.requiringNew().call(() -> takeLocked(key, perMinute, wanted, returned, nowMillis));
        }
    }

    private TokenBucket.Take takeLocked(String key, int perMinute, int wanted, int returned, long nowMillis) {
        RateLimitBucketEntity row = buckets.lock(key).orElse(null);
        TokenBucket bucket = row == null ? TokenBucket.full(perMinute, nowMillis) : new TokenBucket(row.tokens, row.updatedAt);
        TokenBucket.Take take = bucket.take(perMinute, wanted, returned, nowMillis);
        if (row == null) {
            row = new RateLimitBucketEntity();
            row.keyPrefix = key;
            row.tokens = take.bucket().tokens();
            row.updatedAt = take.bucket().updatedMillis();
            buckets.persist(row);
            buckets.flush();
        } else {
            row.tokens = take.bucket().tokens();
            row.updatedAt = take.bucket().updatedMillis();
        }
        return take;
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
