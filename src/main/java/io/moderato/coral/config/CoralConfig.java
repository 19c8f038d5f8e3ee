package io.moderato.coral.config;

import io.moderato.coral.HoldStatus;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Coral Talk external moderation phase. */
@ConfigMapping(prefix = "moderato.coral")
public interface CoralConfig {

    /**
     * The phase's signing secrets, as Coral shows them when the phase is created or its secret rotated
     * (env MODERATO_CORAL_SIGNING_SECRETS, comma-separated). A request is accepted when one of the signatures in its
     * {@code X-Coral-Signature} header matches one of these; list the old and the new secret during a rotation.
     * Without any, the endpoint refuses every request.
     */
    Optional<List<String>> signingSecrets();

    /** The Moderato site whose policy applies to comments from Coral, unless {@link #sites()} maps them elsewhere. */
    @WithDefault("coral")
    String siteId();

    /**
     * Coral site id, or Coral tenant id, to Moderato site id, e.g. {@code moderato.coral.sites."5f1c..."=daily-news}.
     * The Coral site id is looked up first, then the tenant id, then {@link #siteId()} applies.
     */
    Map<String, String> sites();

    /**
     * The status of a comment the policy holds for review: {@code SYSTEM_WITHHELD} (withheld and listed in Coral's
     * queue with the reason, as Coral's own toxic-comment check does) or {@code PREMOD} (Coral's pre-moderation queue).
     */
    @WithDefault("SYSTEM_WITHHELD")
    HoldStatus holdStatus();
}
