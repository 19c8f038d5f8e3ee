package io.moderato.access.rest;

import io.moderato.access.AccessRefusal;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Role;
import io.moderato.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Answers Quarkus Security's refusals as documented: 401 without a key or with an invalid one (with
 * {@code WWW-Authenticate}), 403 for a role too low or a session request without its CSRF token, 429 with
 * {@code Retry-After} over the rate limit; each as a problem detail. The Perspective paths answer the same refusals
 * in Google's error format, with their own mappers (io.moderato.perspective.rest).
 */
public class AccessRefusals {

    private final CurrentCaller caller;

    public AccessRefusals(CurrentCaller caller) {
        this.caller = caller;
    }

    /**
     * @param e   Quarkus Security's failure
     * @param uri the request
     * @return the refusal it carries, answered
     */
    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e, UriInfo uri) {
        return respond(refusal(e), uri.getPath());
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, UriInfo uri) {
        return respond(refusal(e, uri.getPath()), uri.getPath());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        return respond(refusal(e, resource), uri.getPath());
    }

    /**
     * @param e an authentication failure
     * @return what the client is told
     */
    public static AccessRefusal refusal(AuthenticationFailedException e) {
        return AccessRefusal.of(e).orElseGet(AccessRefusal::invalidKey);
    }

    /**
     * @param e    an anonymous request's refusal
     * @param path the request path
     * @return what the client is told
     */
    public static AccessRefusal refusal(UnauthorizedException e, String path) {
        return AccessRefusal.missingKey(ApiKeyAuthenticationMechanism.takesQueryKey(path.startsWith("/") ? path : "/" + path));
    }

    /**
     * @param e        a role check's refusal
     * @param resource the endpoint refused
     * @return what the client is told: the least role the endpoint needs and the role the key has
     */
    public AccessRefusal refusal(ForbiddenException e, ResourceInfo resource) {
        return AccessRefusal.roleTooLow(leastRole(resource), caller.get().role());
    }

    /**
     * @param refusal a refusal
     * @param path    the request path
     * @return the answer: a problem detail (Google's error on the Perspective paths) with its headers
     */
    public static Response respond(AccessRefusal refusal, String path) {
        Response.ResponseBuilder answer = Response.fromResponse(ProblemMappers.respondFor(refusal.status(), refusal.type(),
                refusal.title(), refusal.detail(), path, List.of()));
        refusal.headers().forEach(answer::header);
        return answer.build();
    }

    /** Read only when a request was refused, to say which role it lacked. */
    private static Role leastRole(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        RolesAllowed allowed = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (allowed == null && resource.getResourceClass() != null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? Role.ADMIN
                : Arrays.stream(allowed.value()).map(Role::named).min(Enum::compareTo).orElse(Role.ADMIN);
    }
}
