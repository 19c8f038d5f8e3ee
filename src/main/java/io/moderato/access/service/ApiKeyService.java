package io.moderato.access.service;

import io.moderato.access.Caller;
import io.moderato.access.Role;
import io.moderato.access.config.AccessConfig;
import io.moderato.access.repository.ApiKeyEntity;
import io.moderato.access.repository.ApiKeyRepository;
import io.moderato.audit.service.AuditLog;
import io.moderato.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.codec.digest.DigestUtils;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys. A key reads {@code mod_<prefix>_<secret>}; only its prefix and the SHA-256 of the whole key are stored,
 * so a key is shown once, at creation, and never again.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final String SCHEME = "mod_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(5);
    /** What a generated prefix can look like: URL-safe base64 of six bytes, with '-' and '_' replaced. */
    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,16}");

    /** Audit action: an admin created a key. */
    public static final String KEY_CREATED = "KEY_CREATED";
    /** Audit action: an admin revoked a key. */
    public static final String KEY_REVOKED = "KEY_REVOKED";

    private final ApiKeyRepository keys;
    private final AccessConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, AccessConfig config, AuditLog audit) {
        this.keys = keys;
        this.config = config;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /**
     * A key as created: the only time its secret is available.
     *
     * @param key    the stored key
     * @param secret the full key to hand to the client
     */
    public record CreatedKey(ApiKeyEntity key, String secret) {
    }

    /**
     * @param name               what the key is for, e.g. "coral-production"; recorded as the actor of its actions
     * @param role               its role
     * @param expiresAt          when it stops working, or null for never
     * @param rateLimitPerMinute its own request budget, or null for the default
     * @param createdBy          the admin creating it
     * @param sites              the sites a client or moderator key is limited to; null or empty for all sites
     * @return the key and its secret
     */
    @Transactional
    public CreatedKey create(String name, Role role, Instant expiresAt, Integer rateLimitPerMinute, String createdBy,
                             java.util.Collection<String> sites) {
        String prefix = randomToken(6).toLowerCase().replace('-', 'x').replace('_', 'y');
        String secret = SCHEME + prefix + "_" + randomToken(24);
        ApiKeyEntity key = new ApiKeyEntity();
        key.name = name;
        key.prefix = prefix;
        key.secretHash = DigestUtils.sha256Hex(secret);
        key.role = role;
        key.rateLimitPerMinute = rateLimitPerMinute;
        key.createdAt = clock.instant();
        key.createdBy = createdBy;
        key.expiresAt = expiresAt;
        key.sites = sites == null || sites.isEmpty() ? null : String.join(",", new java.util.TreeSet<>(sites));
        keys.persist(key);
        audit.append(new AuditLog.Entry(createdBy, KEY_CREATED, null, null, null, null, null, null, null,
                Map.of("after", describe(key))));
        return new CreatedKey(key, secret);
    }

    /** @return every key, newest first (prefixes only) */
    @Transactional
    public List<ApiKeyEntity> list() {
        return keys.listNewestFirst();
    }

    /**
     * Revokes a key at once; revoking twice is harmless.
     *
     * @param prefix the key's prefix
     * @param actor  the admin revoking it
     * @return the revoked key
     */
    @Transactional
    public ApiKeyEntity revoke(String prefix, String actor) {
        ApiKeyEntity key = keys.findByPrefix(prefix).orElseThrow(() -> ProblemException.notFound("no API key with prefix " + prefix));
        if (key.revokedAt == null) {
            Map<String, Object> before = describe(key);
            key.revokedAt = clock.instant();
            audit.append(new AuditLog.Entry(actor, KEY_REVOKED, null, null, null, null, null, null, null,
                    Map.of("before", before, "after", describe(key))));
        }
        return key;
    }

    /** What the audit log keeps of a key: never its secret or hash. */
    private static Map<String, Object> describe(ApiKeyEntity key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("prefix", key.prefix);
        view.put("name", key.name);
        view.put("role", key.role.name());
        view.put("expiresAt", key.expiresAt == null ? null : key.expiresAt.toString());
        view.put("revokedAt", key.revokedAt == null ? null : key.revokedAt.toString());
        view.put("rateLimitPerMinute", key.rateLimitPerMinute);
        view.put("sites", sites(key));
        return view;
    }

    /**
     * @param key a stored key
     * @return the sites it is limited to, sorted; null for all sites
     */
    public static java.util.SortedSet<String> sites(ApiKeyEntity key) {
        return key.sites == null ? null : new java.util.TreeSet<>(List.of(key.sites.split(",")));
    }

    /**
     * What a session remembers of the key it was opened with, instead of the key itself: the key's prefix (null for
     * the bootstrap key) and the SHA-256 of the whole key, which is what the key's row stores.
     *
     * @param prefix the key's prefix, null for the bootstrap key
     * @param digest the SHA-256 of the whole key, hex
     */
    public record KeyProof(String prefix, String digest) {

        @Override
        public String toString() {
            return "KeyProof[prefix=" + prefix + "]";
        }
    }

    /**
     * Reads a key without looking it up.
     *
     * @param token the key as sent by a client
     * @return its proof, when it can be a key at all
     */
    public Optional<KeyProof> proof(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<String> bootstrap = bootstrapKey();
        if (bootstrap.isPresent() && MessageDigest.isEqual(bootstrap.get().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new KeyProof(null, DigestUtils.sha256Hex(token)));
        }
        if (!token.startsWith(SCHEME)) {
            return Optional.empty();
        }
        int end = token.indexOf('_', SCHEME.length());
        if (end < 0) {
            return Optional.empty();
        }
        String prefix = token.substring(SCHEME.length(), end);
        if (!PREFIX.matcher(prefix).matches()) {
            // Never look up what cannot be a prefix (e.g. text with a NUL, which PostgreSQL refuses).
            return Optional.empty();
        }
        return Optional.of(new KeyProof(prefix, DigestUtils.sha256Hex(token)));
    }

    /**
     * @param token the key as sent by a client
     * @return the caller, when the key is the bootstrap key or an active stored key
     */
    @Transactional
    public Optional<Caller> authenticate(String token) {
        return proof(token).flatMap(this::authenticate);
    }

    /**
     * Checks a key again from what a session remembers of it: revoked, expired or replaced keys fail at once.
     *
     * @param proof the key's prefix and digest
     * @return the caller, when the key is the bootstrap key or an active stored key
     */
    @Transactional
    public Optional<Caller> authenticate(KeyProof proof) {
        if (proof.prefix() == null) {
            Optional<String> bootstrap = bootstrapKey();
            boolean matches = bootstrap.isPresent() && MessageDigest.isEqual(
                    HexFormat.of().parseHex(DigestUtils.sha256Hex(bootstrap.get())), HexFormat.of().parseHex(proof.digest()));
            return matches ? Optional.of(new Caller(null, "bootstrap-admin", "bootstrap", Role.ADMIN,
                    config.defaultRateLimitPerMinute(), null)) : Optional.empty();
        }
        Optional<ApiKeyEntity> found = keys.findByPrefix(proof.prefix());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiKeyEntity key = found.get();
        Instant now = clock.instant();
        boolean matches = MessageDigest.isEqual(HexFormat.of().parseHex(key.secretHash), HexFormat.of().parseHex(proof.digest()));
        if (!matches || !key.isActive(now)) {
            return Optional.empty();
        }
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
            key.lastUsedAt = now;
        }
        int limit = key.rateLimitPerMinute == null ? config.defaultRateLimitPerMinute() : key.rateLimitPerMinute;
        return Optional.of(new Caller(key.id, key.name, key.prefix, key.role, limit, sites(key)));
    }

    private Optional<String> bootstrapKey() {
        return config.bootstrapAdminKey().filter(k -> k.length() >= 16);
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

}
