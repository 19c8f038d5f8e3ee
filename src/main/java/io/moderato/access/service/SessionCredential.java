package io.moderato.access.service;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A dashboard session cookie sent with a request, to be checked by {@link SessionIdentityProvider}.
 */
public class SessionCredential extends BaseAuthenticationRequest {

    private final String sessionId;
    private final boolean unsafe;
    private final String csrfToken;

    /**
     * @param sessionId the cookie's value
     * @param unsafe    true for a method that changes something (anything but GET, HEAD, OPTIONS)
     * @param csrfToken the CSRF token the request carries, or null
     */
    public SessionCredential(String sessionId, boolean unsafe, String csrfToken) {
        this.sessionId = sessionId;
        this.unsafe = unsafe;
        this.csrfToken = csrfToken;
    }

    /** @return the cookie's value */
    public String sessionId() {
        return sessionId;
    }

    /** @return true when the request must carry the session's CSRF token */
    public boolean unsafe() {
        return unsafe;
    }

    /** @return the CSRF token the request carries, or null */
    public String csrfToken() {
        return csrfToken;
    }

    @Override
    public String toString() {
        return "SessionCredential";
    }
}
