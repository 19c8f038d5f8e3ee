package io.moderato.access.service;

import io.moderato.access.AccessRefusal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks an API key (Bearer or {@code ?key=}) against the stored keys and the bootstrap key. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyCredential> {

    private final ApiKeyService keys;
    private final CallerIdentities identities;

    public ApiKeyIdentityProvider(ApiKeyService keys, CallerIdentities identities) {
        this.keys = keys;
        this.identities = identities;
    }

    @Override
    public Class<ApiKeyCredential> getRequestType() {
        return ApiKeyCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyCredential credential, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identities.admit(keys.authenticate(credential.key())
                .orElseThrow(() -> AccessRefusal.invalidKey().failure())));
    }
}
