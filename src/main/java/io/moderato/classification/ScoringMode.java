package io.moderato.classification;

import java.util.Locale;
import java.util.Optional;

/** How much model a request pays for. */
public enum ScoringMode {
    /** The word model alone: well under a millisecond a comment, exact word spans, robust to spelling tricks. */
    FAST,
    /** The word model and the sentence encoder, combined by the bundle's stacked model: better on real comments. */
    FULL;

    /** @return the lower-case name used in configuration and the API */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key {@code fast} or {@code full}, any case
     * @return the mode, if the key names one
     */
    public static Optional<ScoringMode> fromKey(String key) {
        for (ScoringMode mode : values()) {
            if (mode.key().equalsIgnoreCase(key)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
