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

    /** @return the role's name as {@code @RolesAllowed} names it ({@link Roles}) */
    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the names of this role and of every role below it, as the caller's security identity carries them */
    public java.util.Set<String> roleNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Role role : values()) {
            if (includes(role)) {
                names.add(role.roleName());
            }
        }
        return names;
    }

    /**
     * @param roleName a name from {@link Roles}
     * @return the role it names
     */
    public static Role named(String roleName) {
        return valueOf(roleName.toUpperCase(java.util.Locale.ROOT));
    }
}
