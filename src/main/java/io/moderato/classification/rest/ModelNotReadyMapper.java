package io.moderato.classification.rest;

import io.moderato.classification.service.ModelNotReadyException;
import io.moderato.problem.ProblemMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Answers a request that needs a model before the first one is live: 503 problem+json with {@code Retry-After}. */
public class ModelNotReadyMapper {

    @ServerExceptionMapper
    public Response notReady(ModelNotReadyException e, UriInfo uri) {
        Response problem = ProblemMappers.respondFor(503, "model-not-ready", "Model not ready", e.getMessage(),
                uri == null ? null : uri.getPath(), List.of());
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, ModelNotReadyException.RETRY_AFTER_SECONDS).build();
    }
}
