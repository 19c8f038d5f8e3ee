package io.moderato.access.service;

import io.moderato.access.Caller;
import io.moderato.access.Role;
import io.moderato.access.config.AccessConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final Caller MODERATOR = new Caller(7L, "desk-1", "abc123", Role.MODERATOR, 100, null);

    private final SessionService sessions = new SessionService(new AccessConfig() {
        @Override
        public Optional<String> bootstrapAdminKey() {
            return Optional.empty();
        }

        @Override
        public int defaultRateLimitPerMinute() {
            return 100;
        }

        @Override
        public Duration sessionIdleTimeout() {
            return Duration.ofMinutes(30);
        }

        @Override
        public Duration sessionMaxAge() {
            return Duration.ofHours(2);
        }

        @Override
        public int signInSlowAfterFailures() {
            return 3;
        }

        @Override
        public int signInMaxFailures() {
            return 10;
        }

        @Override
        public Duration signInWindow() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Duration signInLockout() {
            return Duration.ofMinutes(15);
        }
    });

    @Test
    void aSessionHasUnguessableIdsAndItsOwnCsrfToken() {
        SessionService.Session a = sessions.open(new ApiKeyService.KeyProof("abc123", "aa"), MODERATOR, T0);
        SessionService.Session b = sessions.open(new ApiKeyService.KeyProof("abc124", "bb"), MODERATOR, T0);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertTrue(a.id().length() >= 40);
        assertTrue(a.csrfMatches(a.csrfToken()));
        assertFalse(a.csrfMatches(b.csrfToken()));
        assertFalse(a.csrfMatches(null));
        assertFalse(a.toString().contains("aa"), "the key's digest never shows in logs");
    }

    @Test
    void anIdleSessionExpiresAndUseExtendsIt() {
        SessionService.Session session = sessions.open(new ApiKeyService.KeyProof("abc123", "aa"), MODERATOR, T0);
        assertTrue(sessions.find(session.id(), T0.plus(Duration.ofMinutes(29))).isPresent());
        // used at 29 min: now good until 59 min
        assertTrue(sessions.find(session.id(), T0.plus(Duration.ofMinutes(58))).isPresent());
        assertTrue(sessions.find(session.id(), T0.plus(Duration.ofMinutes(89))).isEmpty(), "idle for 31 minutes");
        assertTrue(sessions.find(session.id(), T0).isEmpty(), "an expired session is gone for good");
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumAge() {
        SessionService.Session session = sessions.open(new ApiKeyService.KeyProof("abc123", "aa"), MODERATOR, T0);
        for (int minutes = 20; minutes < 120; minutes += 20) {
            assertTrue(sessions.find(session.id(), T0.plus(Duration.ofMinutes(minutes))).isPresent());
        }
        assertEquals(T0.plus(Duration.ofHours(2)), sessions.find(session.id(), T0.plus(Duration.ofMinutes(119))).orElseThrow().expiresAt());
        assertTrue(sessions.find(session.id(), T0.plus(Duration.ofHours(2))).isEmpty());
    }

    @Test
    void signOutEndsTheSession() {
        SessionService.Session session = sessions.open(new ApiKeyService.KeyProof("abc123", "aa"), MODERATOR, T0);
        sessions.close(session.id());
        assertTrue(sessions.find(session.id(), T0).isEmpty());
        assertTrue(sessions.find("no-such-session", T0).isEmpty());
        assertTrue(sessions.find(null, T0).isEmpty());
    }
}
