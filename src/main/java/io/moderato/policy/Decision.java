package io.moderato.policy;

/** What the policy does with a comment; ordered from mildest to strictest. */
public enum Decision {
    /** Publish. */
    APPROVE,
    /** Hold for a moderator. */
    REVIEW,
    /** Refuse. */
    REJECT;

    /**
     * @param other another decision
     * @return the stricter of the two
     */
    public Decision strictest(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
