package io.moderato.access;

/**
 * The authenticated caller of a request.
 *
 * @param keyId  the key's database id, null for the bootstrap key
 * @param name   the key's name, recorded as the actor in the audit log
 * @param prefix the key's public prefix
 * @param role   the key's role
 * @param rateLimitPerMinute the key's request budget per minute
 * @param sites  the sites the key is limited to; null for all sites
 */
public record Caller(Long keyId, String name, String prefix, Role role, int rateLimitPerMinute, java.util.Set<String> sites) {

    /**
     * @param siteId a site
     * @return true when the key may act on it
     */
    public boolean maySee(String siteId) {
        return sites == null || sites.contains(siteId);
    }
}
