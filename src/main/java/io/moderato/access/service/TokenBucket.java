package io.moderato.access.service;

/**
 * The arithmetic of a key's token bucket, shared by every replica through its database row: the bucket holds up to
 * the key's per-minute budget, refills evenly (budget / 60 s), and hands out tokens in leases. Immutable.
 *
 * @param tokens        the tokens in the bucket
 * @param updatedMillis when they were counted (epoch milliseconds)
 */
public record TokenBucket(double tokens, long updatedMillis) {

    /**
     * What one take from the bucket gives.
     *
     * @param granted    tokens handed out (0 when the bucket is empty)
     * @param waitMillis when none were granted, how long until one is free; else 0
     * @param bucket     the bucket after the take
     */
    public record Take(int granted, long waitMillis, TokenBucket bucket) {
    }

    /**
     * @param perMinute the key's budget
     * @param nowMillis the current time
     * @return a full bucket, as a key's first request finds it
     */
    public static TokenBucket full(int perMinute, long nowMillis) {
        return new TokenBucket(perMinute, nowMillis);
    }

    /**
     * Refills the bucket for the time passed, puts back the tokens a replica leased and did not use, and takes up to
     * {@code wanted} whole tokens.
     *
     * @param perMinute the key's budget (the bucket's capacity)
     * @param wanted    tokens asked for (at least 1)
     * @param returned  unused tokens of an earlier lease, given back
     * @param nowMillis the current time; a clock behind the bucket's (another replica's) counts as no time passed
     * @return what was granted and the bucket after
     */
    public Take take(int perMinute, int wanted, int returned, long nowMillis) {
        double perMilli = perMinute / 60_000.0;
        long now = Math.max(nowMillis, updatedMillis);
        double available = Math.min(perMinute, tokens + (now - updatedMillis) * perMilli + returned);
        int granted = (int) Math.min(wanted, Math.floor(available));
        if (granted >= 1) {
            return new Take(granted, 0, new TokenBucket(available - granted, now));
        }
        long wait = Math.max(1, (long) Math.ceil((1 - available) / perMilli));
        return new Take(0, wait, new TokenBucket(available, now));
    }
}
