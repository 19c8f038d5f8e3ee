package io.moderato.access.service;

import io.moderato.access.AccessRefusal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Checks a dashboard session cookie: the session must be open, an unsafe request must carry its CSRF token, and the
 * key it was opened with is checked again on every request, so a revoked key ends its sessions at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionCredential> {

    private final SessionService sessions;
    private final ApiKeyService keys;
    private final CallerIdentities identities;

    public SessionIdentityProvider(SessionService sessions, ApiKeyService keys, CallerIdentities identities) {
        this.sessions = sessions;
        this.keys = keys;
        this.identities = identities;
    }

    @Override
    public Class<SessionCredential> getRequestType() {
        return SessionCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionCredential credential, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SessionService.Session session = sessions.find(credential.sessionId(), Instant.now())
                    .orElseThrow(() -> AccessRefusal.endedSession().failure());
            if (credential.unsafe() && !session.csrfMatches(credential.csrfToken())) {
                throw AccessRefusal.missingCsrfToken(SessionService.CSRF_HEADER).failure();
            }
            return identities.admit(keys.authenticate(session.key()).orElseThrow(() -> AccessRefusal.invalidKey().failure()));
        });
    }
}
