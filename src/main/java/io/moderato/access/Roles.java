package io.moderato.access;

/**
 * The role names a security identity carries, for {@code @RolesAllowed}. Roles nest (see {@link Role}): an admin's
 * identity carries all three names, a moderator's {@link #MODERATOR} and {@link #CLIENT}.
 */
public final class Roles {

    /** Classify and ingest comments. */
    public static final String CLIENT = "client";
    /** Work the review queues and decide comments. */
    public static final String MODERATOR = "moderator";
    /** Manage policies, keys, webhooks and models. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
