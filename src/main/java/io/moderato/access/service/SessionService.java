package io.moderato.access.service;

import io.moderato.access.Caller;
import io.moderato.access.config.AccessConfig;
import io.moderato.access.repository.SessionEntity;
import io.moderato.access.repository.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.commons.codec.digest.DigestUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser sessions of the dashboard, kept in the database so that every replica knows them: a session opened on
 * one replica works on all, and a sign-out ends it on all at once (nothing is cached). A session remembers the key
 * it was opened with (its prefix and digest, never the key), so every request is checked against the key again (a
 * revoked key ends its sessions at once), and carries its own CSRF token. Only the SHA-256 of the cookie is stored.
 */
@ApplicationScoped
public class SessionService {

    /** The name of the session cookie. */
    public static final String COOKIE = "moderato_session";
    /** The header carrying the CSRF token on unsafe requests. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** A used session's stored end moves on at most this often, so that a busy session is not written on every request. */
    static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionRepository sessions;
    private final AccessConfig config;

    public SessionService(SessionRepository sessions, AccessConfig config) {
        this.sessions = sessions;
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
    @Transactional
    public Session open(ApiKeyService.KeyProof key, Caller caller, Instant now) {
        sessions.deleteEnded(now);
        SessionEntity session = new SessionEntity();
        String id = randomToken();
        session.idHash = DigestUtils.sha256Hex(id);
        session.csrfToken = randomToken();
        session.keyPrefix = key.prefix();
        session.keyDigest = key.digest();
        session.actor = caller.name();
        session.openedAt = now;
        session.expiresAt = now.plus(config.sessionIdleTimeout());
        sessions.persist(session);
        return new Session(id, key, session.actor, session.csrfToken, session.openedAt, session.expiresAt);
    }

    /**
     * Finds an open session and extends it (idle timeout), never beyond its maximum age.
     *
     * @param id  the cookie value
     * @param now the time
     * @return the session, unless unknown, signed out or expired
     */
    @Transactional
    public Optional<Session> find(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        SessionEntity session = sessions.findById(DigestUtils.sha256Hex(id));
        if (session == null) {
            return Optional.empty();
        }
        if (!now.isBefore(session.expiresAt)) {
            sessions.delete(session);
            return Optional.empty();
        }
        Instant end = session.openedAt.plus(config.sessionMaxAge());
        Instant extended = now.plus(config.sessionIdleTimeout());
        Instant expiresAt = extended.isAfter(end) ? end : extended;
        if (expiresAt.isAfter(session.expiresAt.plus(TOUCH_RESOLUTION)) || end.equals(expiresAt)) {
            session.expiresAt = expiresAt;
        }
        return Optional.of(new Session(id, new ApiKeyService.KeyProof(session.keyPrefix, session.keyDigest),
                session.actor, session.csrfToken, session.openedAt, expiresAt));
    }

    /** @return how long a session can last at most (the cookie's lifetime) */
    public Duration maxAge() {
        return config.sessionMaxAge();
    }

    /** @param id the session to end (sign-out) on every replica; unknown ids are ignored */
    @Transactional
    public void close(String id) {
        if (id != null) {
            sessions.deleteById(DigestUtils.sha256Hex(id));
        }
    }

    private static String randomToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
