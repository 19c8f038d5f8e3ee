package io.moderato.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Review queues, claims and undo. */
@ConfigMapping(prefix = "moderato.review")
public interface ReviewConfig {

    /** How long a claim keeps a comment for one moderator, unless the claim says otherwise. */
    @WithDefault("PT5M")
    Duration claimDuration();

    /** Most comments one claim may take. */
    @WithDefault("50")
    int maxClaim();

    /** How long after a decision its moderator may undo it, in seconds. */
    @WithDefault("10")
    int undoSeconds();
}
