package io.moderato.access.service;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key sent with a request, to be checked by {@link ApiKeyIdentityProvider}. */
public class ApiKeyCredential extends BaseAuthenticationRequest {

    private final String key;

    /** @param key the key as the client sent it */
    public ApiKeyCredential(String key) {
        this.key = key;
    }

    /** @return the key as the client sent it */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyCredential";
    }
}
