package io.moderato.coral;

/** The Coral comment status Moderato answers for a comment its policy holds for review. */
public enum HoldStatus {
    /** Withheld by the system; listed in Coral's moderation queue with the flag reason. */
    SYSTEM_WITHHELD,
    /** Held in Coral's pre-moderation queue. */
    PREMOD
}
