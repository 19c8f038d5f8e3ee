package io.moderato.webhook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Webhook delivery: dispatch rhythm, HTTP timeouts, retries and secret rotation. */
@ConfigMapping(prefix = "moderato.webhooks")
public interface WebhookConfig {

    /** How often the dispatcher looks for due deliveries (a Quarkus scheduler period such as {@code 1s}). */
    @WithDefault("1s")
    String dispatchInterval();

    /** Most deliveries one dispatcher run claims and sends (in parallel). */
    @WithDefault("50")
    int batchSize();

    /** Longest wait for a receiver's TCP connection. */
    @WithDefault("PT2S")
    Duration connectTimeout();

    /** Longest wait for a receiver's whole answer; a slower receiver counts as a failed attempt. */
    @WithDefault("PT5S")
    Duration requestTimeout();

    /**
     * Delay after the 1st, 2nd, ... failed attempt; the last one repeats until {@link #maxAttempts()} is reached.
     * ISO-8601 durations or Quarkus short forms ({@code 10s}, {@code 2m}, {@code 1h}).
     */
    @WithDefault("10s,30s,2m,10m,1h,6h")
    List<Duration> retryDelays();

    /** Attempts in all before a delivery is marked FAILED. */
    @WithDefault("10")
    int maxAttempts();

    /** Relative random jitter applied to each retry delay (0.2: within ±20%). */
    @WithDefault("0.2")
    double retryJitter();

    /** How long a rotated-out secret still signs deliveries (as a second signature) after a rotation. */
    @WithDefault("PT24H")
    Duration rotationGracePeriod();
}
