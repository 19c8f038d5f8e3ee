package io.moderato.access.service;

import io.moderato.access.Caller;
import io.moderato.access.Role;
import io.moderato.access.config.AccessConfig;
import io.moderato.access.repository.SessionRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dashboard sessions as stored in the database: unguessable ids, their own CSRF tokens, idle and maximum ages, and
 * sign-out. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class SessionServiceContract {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final Caller MODERATOR = new Caller(7L, "desk-1", "abc123", Role.MODERATOR, 100, null);
    private static final ApiKeyService.KeyProof KEY = new ApiKeyService.KeyProof("abc123", "aa");

    @Inject
    SessionService sessions;

    @Inject
    AccessConfig config;

    @Inject
    SessionRepository stored;

    @Test
    void aSessionHasUnguessableIdsAndItsOwnCsrfToken() {
        SessionService.Session a = sessions.open(KEY, MODERATOR, T0);
        SessionService.Session b = sessions.open(new ApiKeyService.KeyProof("abc124", "bb"), MODERATOR, T0);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertTrue(a.id().length() >= 40);
        assertTrue(a.csrfMatches(a.csrfToken()));
        assertFalse(a.csrfMatches(b.csrfToken()));
        assertFalse(a.csrfMatches(null));
        assertFalse(a.toString().contains("aa"), "the key's digest never shows in logs");
        assertNull(stored.findById(a.id()), "the cookie itself is not stored");
        assertEquals(KEY, sessions.find(a.id(), T0).orElseThrow().key(), "the key's prefix and digest are");
    }

    @Test
    void anIdleSessionExpiresAndUseExtendsIt() {
        Duration idle = config.sessionIdleTimeout();
        SessionService.Session session = sessions.open(KEY, MODERATOR, T0);
        Instant used = T0.plus(idle.minusMinutes(1));
        assertTrue(sessions.find(session.id(), used).isPresent());
        // used one minute before its end: now good for another idle timeout from then
        Instant usedAgain = used.plus(idle.minusMinutes(2));
        assertTrue(sessions.find(session.id(), usedAgain).isPresent());
        assertTrue(sessions.find(session.id(), usedAgain.plus(idle).plusSeconds(1)).isEmpty(), "idle for longer than the timeout");
        assertTrue(sessions.find(session.id(), T0).isEmpty(), "an expired session is gone for good");
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumAge() {
        Duration max = config.sessionMaxAge();
        SessionService.Session session = sessions.open(KEY, MODERATOR, T0);
        for (Instant t = T0.plus(config.sessionIdleTimeout().dividedBy(2)); t.isBefore(T0.plus(max)); t = t.plus(config.sessionIdleTimeout().dividedBy(2))) {
            assertTrue(sessions.find(session.id(), t).isPresent(), "used at " + t);
        }
        assertEquals(T0.plus(max), sessions.find(session.id(), T0.plus(max).minusSeconds(60)).orElseThrow().expiresAt());
        assertTrue(sessions.find(session.id(), T0.plus(max)).isEmpty());
    }

    @Test
    void signOutEndsTheSession() {
        SessionService.Session session = sessions.open(KEY, MODERATOR, T0);
        SessionService.Session other = sessions.open(KEY, MODERATOR, T0);
        sessions.close(session.id());
        assertTrue(sessions.find(other.id(), T0).isPresent(), "only the session signed out ends");
        assertTrue(sessions.find(session.id(), T0).isEmpty());
        assertTrue(sessions.find("no-such-session", T0).isEmpty());
        assertTrue(sessions.find(null, T0).isEmpty());
    }
}
