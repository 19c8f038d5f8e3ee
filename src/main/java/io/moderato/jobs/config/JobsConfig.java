package io.moderato.jobs.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** How jobs are watched. */
@ConfigMapping(prefix = "moderato.jobs")
public interface JobsConfig {

    /**
     * A queued or running job whose instance has not beaten for this long is marked FAILED (by any instance; each
     * instance beats every 5 seconds for its jobs).
     */
    @WithDefault("60s")
    Duration staleAfter();

    /** This instance's name in the job rows (default: a random id per start). */
    Optional<String> instanceId();
}
