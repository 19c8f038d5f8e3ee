package io.moderato.problem;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, with 400, a request whose path parameters or query parameters hold text
 * {@link TextRules} does not accept (a NUL character, half a surrogate pair): such text can be neither stored nor
 * looked up alike on both databases. Query parameters are checked before any key is looked up (a {@code ?key=}
 * is one). Bodies are checked as they are read ({@link JsonStrictness}).
 */
public class RequestTextFilter {

    /** Query parameters before the endpoint is matched, so before its role check reads a {@code ?key=}. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> checkQuery(ContainerRequestContext request) {
        return check(request.getUriInfo().getQueryParameters(), request.getUriInfo().getPath());
    }

    /** Path parameters, known once the endpoint is matched. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Optional<Response> checkPath(ContainerRequestContext request) {
        return check(request.getUriInfo().getPathParameters(), request.getUriInfo().getPath());
    }

    private static Optional<Response> check(MultivaluedMap<String, String> parameters, String path) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String nameProblem = TextRules.problem(parameter.getKey());
            for (String value : parameter.getValue()) {
                String problem = nameProblem != null ? nameProblem : TextRules.problem(value);
                if (problem != null) {
                    String field = nameProblem != null ? "query" : parameter.getKey();
                    return Optional.of(ProblemMappers.respondFor(400, "invalid-request", "Invalid request",
                            field + ": " + problem, path, List.of(new FieldError(field, problem))));
                }
            }
        }
        return Optional.empty();
    }
}
