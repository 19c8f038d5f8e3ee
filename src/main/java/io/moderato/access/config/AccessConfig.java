package io.moderato.access.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** API keys, rate limits, dashboard sessions and sign-in throttling. */
@ConfigMapping(prefix = "moderato.access")
public interface AccessConfig {

    /**
     * An admin key accepted without being stored, so automation can create the first keys
     * (env MODERATO_BOOTSTRAP_ADMIN_KEY). At least 16 characters.
     */
    Optional<String> bootstrapAdminKey();

    /** Requests per minute a key may make unless the key sets its own limit. */
    @WithDefault("1200")
    int defaultRateLimitPerMinute();

    /**
     * The share of a key's per-minute budget one replica takes from the key's shared bucket at a time (at least one
     * token). Tokens a replica holds unused are the most the cluster can admit below the budget: with 3 replicas and
     * 0.02, at most 6 %.
     */
    @WithDefault("0.02")
    double rateLimitLeaseShare();

    /** How long a replica may serve requests from leased tokens before it gives the rest back with its next take. */
    @WithDefault("PT1S")
    Duration rateLimitLeaseDuration();

    /** A dashboard session ends after this long without a request. */
    @WithDefault("PT2H")
    Duration sessionIdleTimeout();

    /** A dashboard session ends this long after sign-in, however busy. */
    @WithDefault("PT12H")
    Duration sessionMaxAge();

    /** Failed dashboard sign-ins from one client address after which each further attempt must wait (doubling from one second). */
    @WithDefault("3")
    int signInSlowAfterFailures();

    /** Failed dashboard sign-ins from one client address, within {@link #signInWindow()}, after which the address is locked out. */
    @WithDefault("10")
    int signInMaxFailures();

    /** How long failed sign-ins count against an address. */
    @WithDefault("PT15M")
    Duration signInWindow();

    /** How long an address that reached the maximum of failed sign-ins is refused (429). */
    @WithDefault("PT15M")
    Duration signInLockout();
}
