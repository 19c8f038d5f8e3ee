package io.moderato.access.rest;

import io.moderato.access.Authorized;
import io.moderato.access.Caller;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Role;
import io.moderato.access.service.ApiKeyService;
import io.moderato.access.service.RateLimiter;
import io.moderato.access.service.SessionService;
import io.moderato.problem.GoogleError;
import io.moderato.problem.ProblemMappers;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Checks the API key of every API request ({@code Authorization: Bearer <key>}; Perspective-compatible paths also
 * take {@code ?key=}), answers 401 without a valid key, 403 when its role is below what the endpoint needs, and 429
 * with {@code Retry-After} when the key is over its rate limit; on the Perspective paths these errors are in Google's
 * JSON error format ({@link GoogleError}). Health, metrics and the API document are not API
 * resources and stay open.
 * <p>
 * A request without an {@code Authorization} header may instead carry a dashboard session cookie: it is then
 * authenticated as the key the session was opened with, and an unsafe method (anything but GET, HEAD, OPTIONS) must
 * also carry the session's CSRF token in {@code X-CSRF-Token}, or it gets 403.
 */
public class AuthenticationFilter {

    private static final String BEARER = "Bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiKeyService keys;
    private final RateLimiter rateLimiter;
    private final CurrentCaller currentCaller;
    private final SessionService sessions;

    public AuthenticationFilter(ApiKeyService keys, RateLimiter rateLimiter, CurrentCaller currentCaller,
                                SessionService sessions) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.currentCaller = currentCaller;
        this.sessions = sessions;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return Optional.empty();
        }
        Role required = requiredRole(resource);
        if (required == null) {
            return Optional.empty();
        }
        String token = token(request);
        Cookie sessionCookie = request.getCookies().get(SessionService.COOKIE);
        if (token == null && sessionCookie != null) {
            Optional<SessionService.Session> session = sessions.find(sessionCookie.getValue(), Instant.now());
            if (session.isEmpty()) {
                return Optional.of(problem(401, "unauthorized", "Unauthorized",
                        "The dashboard session has expired or was signed out; sign in again.", request).build());
            }
            if (!SAFE_METHODS.contains(request.getMethod())
                    && !session.get().csrfMatches(request.getHeaderString(SessionService.CSRF_HEADER))) {
                return Optional.of(problem(403, "csrf", "Forbidden",
                        "A request made with the dashboard session must carry its CSRF token in "
                                + SessionService.CSRF_HEADER + ".", request).build());
            }
            token = session.get().apiKey();
        }
        if (token == null) {
            return Optional.of(problem(401, "unauthorized", "Unauthorized",
                    "An API key is required: send it as 'Authorization: Bearer <key>'"
                            + (isPerspectivePath(request.getUriInfo().getPath()) ? " or '?key=<key>'." : "."), request)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
        Optional<Caller> caller = keys.authenticate(token);
        if (caller.isEmpty()) {
            return Optional.of(problem(401, "unauthorized", "Unauthorized",
                    "The API key is unknown, revoked or expired.", request)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build());
        }
        if (!caller.get().role().includes(required)) {
            return Optional.of(problem(403, "forbidden", "Forbidden", "This endpoint needs the "
                    + required.name().toLowerCase() + " role; the key has " + caller.get().role().name().toLowerCase() + ".", request).build());
        }
        OptionalLong wait = rateLimiter.acquire(caller.get().prefix(), caller.get().rateLimitPerMinute(), System.nanoTime());
        if (wait.isPresent()) {
            return Optional.of(problem(429, "rate-limited", "Too many requests", "The key's limit of "
                    + caller.get().rateLimitPerMinute() + " requests per minute is used up.", request)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong())).build());
        }
        currentCaller.set(caller.get());
        return Optional.empty();
    }

    /** The role the matched method needs; null for endpoints marked open. */
    private static Role requiredRole(SimpleResourceInfo resource) {
        Class<?> type = resource.getResourceClass();
        for (Method method : type.getMethods()) {
            if (method.getName().equals(resource.getMethodName())
                    && java.util.Arrays.equals(method.getParameterTypes(), resource.parameterTypes())) {
                if (method.isAnnotationPresent(OpenEndpoint.class)) {
                    return null;
                }
                Authorized onMethod = method.getAnnotation(Authorized.class);
                if (onMethod != null) {
                    return onMethod.value();
                }
            }
        }
        if (type.isAnnotationPresent(OpenEndpoint.class)) {
            return null;
        }
        Authorized onType = type.getAnnotation(Authorized.class);
        return onType == null ? Role.ADMIN : onType.value();
    }

    private static String token(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        if (isPerspectivePath(request.getUriInfo().getPath())) {
            return request.getUriInfo().getQueryParameters().getFirst("key");
        }
        return null;
    }

    private static Response.ResponseBuilder problem(int status, String type, String title, String detail,
                                                    ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        // Perspective clients read Google's error shape, not problem details.
        Response built = isPerspectivePath(path) ? GoogleError.respond(status, detail, List.of())
                : ProblemMappers.respondFor(status, type, title, detail, path, List.of());
        return Response.fromResponse(built);
    }

    private static boolean isPerspectivePath(String path) {
        return path.startsWith("/v1alpha1/");
    }
}
