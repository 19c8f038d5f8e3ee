package io.moderato.access;

import io.quarkus.security.AuthenticationFailedException;

import java.util.Map;
import java.util.Optional;

/**
 * Why authentication refused a request, carried on Quarkus Security's {@link AuthenticationFailedException} (as its
 * attribute {@link #ATTRIBUTE}) to the exception mapper that answers it.
 *
 * @param status     the HTTP status: 401, 403 (CSRF) or 429
 * @param type       the problem type slug
 * @param title      the problem title
 * @param detail     what the client is told
 * @param retryAfter seconds to wait before trying again (429 only), else 0
 * @param challenge  the {@code WWW-Authenticate} header to send, or null
 */
public record AccessRefusal(int status, String type, String title, String detail, long retryAfter, String challenge) {

    /** The attribute of the failure that holds the refusal. */
    public static final String ATTRIBUTE = "moderato.access-refusal";

    /** @return the refusal of a key that is unknown, revoked or expired */
    public static AccessRefusal invalidKey() {
        return new AccessRefusal(401, "unauthorized", "Unauthorized", "The API key is unknown, revoked or expired.", 0,
                "Bearer error=\"invalid_token\"");
    }

    /** @return the refusal of a session cookie that names no open session */
    public static AccessRefusal endedSession() {
        return new AccessRefusal(401, "unauthorized", "Unauthorized",
                "The dashboard session has expired or was signed out; sign in again.", 0, null);
    }

    /**
     * @param header the header that must carry the token
     * @return the refusal of an unsafe request made with the session cookie but without its CSRF token
     */
    public static AccessRefusal missingCsrfToken(String header) {
        return new AccessRefusal(403, "csrf", "Forbidden",
                "A request made with the dashboard session must carry its CSRF token in " + header + ".", 0, null);
    }

    /**
     * @param perMinute  the key's budget
     * @param retryAfter seconds until a token is free
     * @return the refusal of a key over its rate limit
     */
    public static AccessRefusal rateLimited(int perMinute, long retryAfter) {
        return new AccessRefusal(429, "rate-limited", "Too many requests",
                "The key's limit of " + perMinute + " requests per minute is used up.", retryAfter, null);
    }

    /**
     * @param queryKeyAccepted whether the path also takes the key as {@code ?key=}
     * @return the refusal of a request without any key, on an endpoint that needs one
     */
    public static AccessRefusal missingKey(boolean queryKeyAccepted) {
        return new AccessRefusal(401, "unauthorized", "Unauthorized", "An API key is required: send it as "
                + "'Authorization: Bearer <key>'" + (queryKeyAccepted ? " or '?key=<key>'." : "."), 0, "Bearer");
    }

    /**
     * @param required the role the endpoint needs
     * @param held     the role the caller's key has
     * @return the refusal of a key whose role is too low
     */
    public static AccessRefusal roleTooLow(Role required, Role held) {
        return new AccessRefusal(403, "forbidden", "Forbidden", "This endpoint needs the " + required.roleName()
                + " role; the key has " + held.roleName() + ".", 0, null);
    }

    /** @return the headers the answer carries: {@code WWW-Authenticate} on a 401, {@code Retry-After} on a 429 */
    public Map<String, String> headers() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (challenge != null) {
            headers.put("WWW-Authenticate", challenge);
        }
        if (retryAfter > 0) {
            headers.put("Retry-After", Long.toString(retryAfter));
        }
        return headers;
    }

    /** @return the failure to raise from authentication */
    public AuthenticationFailedException failure() {
        return new AuthenticationFailedException(detail, Map.of(ATTRIBUTE, this));
    }

    /**
     * @param failure an authentication failure
     * @return the refusal it carries, if one of ours
     */
    public static Optional<AccessRefusal> of(AuthenticationFailedException failure) {
        return failure.getAttributes() == null ? Optional.empty()
                : Optional.ofNullable((AccessRefusal) failure.getAttributes().get(ATTRIBUTE));
    }
}
