package io.moderato.access.service;

import io.moderato.access.config.AccessConfig;
import io.moderato.access.repository.RateLimitBucketRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limiters of three replicas (three instances, each with its own leases) over one database share each key's
 * budget: together they admit what one bucket allows. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class RateLimiterContract {

    @Inject
    RateLimitBucketRepository buckets;

    @Inject
    AccessConfig config;

    private List<RateLimiter> replicas() {
        return List.of(new RateLimiter(buckets, config), new RateLimiter(buckets, config), new RateLimiter(buckets, config));
    }

    private static String key() {
        return "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static int admitted(List<RateLimiter> replicas, String key, int perMinute, long now, int requests) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            if (replicas.get(i % replicas.size()).acquire(key, perMinute, now).isEmpty()) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void threeReplicasAdmitTheBudgetOnceNotThreeTimes() {
        List<RateLimiter> replicas = replicas();
        String key = key();
        long now = System.currentTimeMillis();
        assertEquals(1000, admitted(replicas, key, 1000, now, 5000), "the burst: one budget for the cluster");
        OptionalLong wait = replicas.get(0).acquire(key, 1000, now);
        assertTrue(wait.isPresent() && wait.getAsLong() >= 1, "refused with a wait");
        long sixSecondsLater = now + 6000;
        assertEquals(100, admitted(replicas, key, 1000, sixSecondsLater, 1000), "six seconds refill 100 tokens");
    }

    @Test
    void unusedLeasedTokensGoBackWhenTheLeaseLapses() {
        List<RateLimiter> replicas = replicas();
        String key = key();
        long now = System.currentTimeMillis();
        int lease = replicas.get(0).leaseSize(1000);
        assertEquals(20, lease, "2 % of 1,000");
        assertTrue(replicas.get(0).acquire(key, 1000, now).isEmpty(), "replica 0 leases 20 and uses one");
        assertEquals(1000 - lease, admitted(replicas.subList(1, 3), key, 1000, now, 5000), "the others share the rest");
        long later = now + config.rateLimitLeaseDuration().toMillis();
        // 19 tokens come back with replica 0's next take, plus what the lease duration refilled
        int refill = (int) Math.floor(config.rateLimitLeaseDuration().toMillis() * 1000 / 60_000.0);
        assertEquals(lease - 1 + refill, admitted(replicas, key, 1000, later, 5000));
    }

    @Test
    void aSingleInstanceKeepsTheKeysOwnLimit() {
        RateLimiter single = new RateLimiter(buckets, config);
        String key = key();
        long now = System.currentTimeMillis();
        assertEquals(3, admitted(List.of(single), key, 3, now, 10));
        assertEquals(OptionalLong.of(20), single.acquire(key, 3, now), "three a minute: 20 seconds for the next");
    }
}
