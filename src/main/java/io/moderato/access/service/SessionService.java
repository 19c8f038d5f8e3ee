package io.moderato.access.service;

import io.moderato.access.Caller;
import io.moderato.access.config.AccessConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions of the dashboard, kept in memory: a restart signs everyone out, which is acceptable for a tool
 * signed into with a key. A session remembers the key it was opened with, so every request is checked against the
 * key again (a revoked key ends its sessions at once), and carries its own CSRF token.
 */
@ApplicationScoped
public class SessionService {

    /** The name of the session cookie. */
    public static final String COOKIE = "moderato_session";
    /** The header carrying the CSRF token on unsafe requests. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AccessConfig config;

    public SessionService(AccessConfig config) {
        this.config = config;
    }

    /**
     * An open session.
     *
     * @param id        the cookie value
     * @param key       what the session remembers of the key signed in with (never the key itself)
     * @param actor     the key's name
     * @param csrfToken the token unsafe requests must carry
     * @param openedAt  when it was opened
     * @param expiresAt when it ends unless used again
     */
    public record Session(String id, ApiKeyService.KeyProof key, String actor, String csrfToken, Instant openedAt, Instant expiresAt) {

        /**
         * @param token the token a request carries
         * @return true when it is this session's CSRF token
         */
        public boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Session[actor=" + actor + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * @param key    the key the caller signed in with
     * @param caller the caller it authenticated as
     * @param now    the time
     * @return the new session
     */
    public Session open(ApiKeyService.KeyProof key, Caller caller, Instant now) {
        purgeExpired(now);
        Session session = new Session(randomToken(), key, caller.name(), randomToken(), now,
                now.plus(config.sessionIdleTimeout()));
        sessions.put(session.id(), session);
        return session;
    }

    /**
     * Finds an open session and extends it (idle timeout), never beyond its maximum age.
     *
     * @param id  the cookie value
     * @param now the time
     * @return the session, unless unknown, signed out or expired
     */
    public Optional<Session> find(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!now.isBefore(session.expiresAt())) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        Instant end = session.openedAt().plus(config.sessionMaxAge());
        Instant extended = now.plus(config.sessionIdleTimeout());
        Session touched = new Session(session.id(), session.key(), session.actor(), session.csrfToken(),
                session.openedAt(), extended.isAfter(end) ? end : extended);
        sessions.replace(id, session, touched);
        return Optional.of(touched);
    }

    /** @return how long a session can last at most (the cookie's lifetime) */
    public Duration maxAge() {
        return config.sessionMaxAge();
    }

    /** @param id the session to end (sign-out); unknown ids are ignored */
    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private void purgeExpired(Instant now) {
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
    }

    private static String randomToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
