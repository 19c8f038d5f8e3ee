package io.moderato.access;

/**
 * The authenticated caller of a request.
 *
 * @param keyId  the key's database id, null for the bootstrap key
 * @param name   the key's name, recorded as the actor in the audit log
 * @param prefix the key's public prefix
 * @param role   the key's role
 * @param rateLimitPerMinute the key's request budget per minute
 */
public record Caller(Long keyId, String name, String prefix, Role role, int rateLimitPerMinute) {
}
