package io.moderato.access;

/**
 * What a key may do. Roles are ordered: a moderator may do what a client may, an admin what a moderator may.
 */
public enum Role {
    /** Classify and ingest comments. */
    CLIENT,
    /** Work the review queues and decide comments. */
    MODERATOR,
    /** Manage policies, keys, webhooks and models. */
    ADMIN;

    /**
     * @param required the role an endpoint needs
     * @return true when this role is that role or above it
     */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }
}
