package io.moderato.access.rest;

import io.moderato.access.service.ApiKeyCredential;
import io.moderato.access.service.SessionCredential;
import io.moderato.access.service.SessionService;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * Reads a request's credential for Quarkus Security: an API key as {@code Authorization: Bearer <key>}, on the
 * Perspective-compatible paths also as {@code ?key=<key>} (how Perspective's clients send it); without either, the
 * dashboard's session cookie, with the CSRF token an unsafe request must carry. The keys and sessions are checked
 * by {@link io.moderato.access.service.ApiKeyIdentityProvider} and
 * {@link io.moderato.access.service.SessionIdentityProvider}; refusals are answered by {@link AccessRefusals}.
 * Authentication is not proactive: only endpoints that need a role read the credential.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Paths that also take the key as {@code ?key=}: Perspective's, whose clients send it so. */
    public static final String QUERY_KEY_PATHS = "/v1alpha1/";
    private static final String BEARER = "Bearer ";
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String key = key(context);
        if (key != null) {
            return identities.authenticate(attach(new ApiKeyCredential(key), context));
        }
        Cookie session = context.request().getCookie(SessionService.COOKIE);
        if (session != null) {
            boolean unsafe = !SAFE_METHODS.contains(context.request().method());
            return identities.authenticate(attach(new SessionCredential(session.getValue(), unsafe,
                    context.request().getHeader(SessionService.CSRF_HEADER)), context));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyCredential.class, SessionCredential.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    /**
     * @param path a request path
     * @return true when the path also takes the key as {@code ?key=}
     */
    public static boolean takesQueryKey(String path) {
        return path != null && path.startsWith(QUERY_KEY_PATHS);
    }

    private static String key(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        if (takesQueryKey(context.normalizedPath())) {
            List<String> keys = context.queryParam("key");
            return keys.isEmpty() ? null : keys.get(0);
        }
        return null;
    }

    private static AuthenticationRequest attach(AuthenticationRequest request, RoutingContext context) {
        return HttpSecurityUtils.setRoutingContextAttribute(request, context);
    }
}
