package io.moderato.problem;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses, with 400 and the parameter named, a query parameter the matched endpoint does not read
 * ({@code is not a known parameter}) and one it reads once given more than once ({@code is given more than once}),
 * as {@link RequestChecks#onlyKnownParameters} reports them: dropped silently, a misspelt filter would widen a
 * listing, an export or a deletion, a misspelt {@code limit} would take the default, and of a repeated one only the
 * first would count. Names are compared exactly. What an endpoint reads is taken from its declaration
 * ({@link DeclaredParameters}), so a new endpoint is covered without a list of its own.
 * <p>
 * Every endpoint of the service is held to this unless it, or its class, is marked {@link LenientParameters} (for
 * clients that send parameters of their own). Quarkus' own endpoints (health, metrics, the OpenAPI document and
 * Swagger UI) are not JAX-RS resources and never reach this filter; a resource from outside the service's packages
 * is left alone as well. It runs after the endpoint's role check, so a caller without a key learns nothing of the
 * endpoint's parameters.
 */
public class KnownParametersFilter {

    private static final String OURS = "io.moderato.";

    private final Map<Method, DeclaredParameters> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.USER)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null || !type.getName().startsWith(OURS)) {
            return;
        }
        DeclaredParameters parameters = declared.computeIfAbsent(method, m -> DeclaredParameters.of(type, m));
        if (parameters.lenient()) {
            return;
        }
        RequestChecks checks = new RequestChecks();
        checks.onlyKnownParameters(request.getUriInfo().getQueryParameters(), parameters.single(), parameters.repeatable());
        checks.throwIfInvalid();
    }
}
