package io.moderato.perspective.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.AccessRefusal;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.access.rest.AccessRefusals;
import io.moderato.perspective.PerspectiveApi.AnalyzeCommentRequest;
import io.moderato.perspective.PerspectiveApi.AnalyzeCommentResponse;
import io.moderato.perspective.PerspectiveApi.SuggestCommentScoreRequest;
import io.moderato.perspective.PerspectiveApi.SuggestCommentScoreResponse;
import io.moderato.perspective.PerspectiveException;
import io.moderato.perspective.service.PerspectiveService;
import io.moderato.problem.GoogleError;
import io.moderato.problem.LenientParameters;
import io.moderato.problem.ProblemException;
import io.moderato.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Perspective's {@code comments:analyze} and {@code comments:suggestscore}, at Perspective's paths, so a client
 * switches by changing its base URL and key. The body is read here rather than by the framework, so that every
 * failure on these paths, malformed JSON included, answers in Google's error format; the exception mappers below
 * apply to this resource only.
 */
@LenientParameters("Perspective's client libraries send the key as ?key= and Google's standard parameters (alt, prettyPrint, fields...)")
@Path("/v1alpha1")
@RolesAllowed(Roles.CLIENT)
@Tag(name = "Perspective API")
@Produces(MediaType.APPLICATION_JSON)
public class PerspectiveResource {

    private static final Logger LOG = Logger.getLogger(PerspectiveResource.class);

    private final PerspectiveService service;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public PerspectiveResource(PerspectiveService service, CurrentCaller caller, ObjectMapper json) {
        this.service = service;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @Path("/comments:analyze")
    @Operation(summary = "Perspective AnalyzeComment",
            description = "Scores a comment for the requested attributes, in Perspective's request and response shapes. "
                    + "The key may be sent as ?key= or as a Bearer token. Nothing of the comment is stored or logged.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyzeCommentRequest.class)))
    @APIResponse(responseCode = "200", description = "The scores",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyzeCommentResponse.class)))
    @APIResponse(responseCode = "400", description = "INVALID_ARGUMENT, in Google's error format",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoogleError.class)))
    public AnalyzeCommentResponse analyze(String body) {
        return service.analyze(read(body, AnalyzeCommentRequest.class));
    }

    @POST
    @Path("/comments:suggestscore")
    @Operation(summary = "Perspective SuggestCommentScore",
            description = "Stores the scores the client believes right as labelled feedback for retraining.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestCommentScoreRequest.class)))
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestCommentScoreResponse.class)))
    @APIResponse(responseCode = "400", description = "INVALID_ARGUMENT, in Google's error format",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoogleError.class)))
    public SuggestCommentScoreResponse suggestScore(String body) {
        return service.suggest(read(body, SuggestCommentScoreRequest.class), caller.actor());
    }

    /** Messages name the position or field, never quote the body: it is the comment. */
    private <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw PerspectiveException.invalid("The request body is required.");
        }
        try {
            return json.readValue(body, type);
        } catch (JsonParseException e) {
            throw PerspectiveException.invalid("Invalid JSON payload received: malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ".");
        } catch (JsonMappingException e) {
            boolean truncated = e.getCause() instanceof JsonParseException
                    || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
            throw PerspectiveException.invalid("Invalid JSON payload received: "
                    + (truncated ? "malformed JSON" : "wrong type") + " at '" + ProblemMappers.path(e) + "'.");
        } catch (JsonProcessingException e) {
            throw PerspectiveException.invalid("Invalid JSON payload received.");
        }
    }

    @ServerExceptionMapper
    public Response perspective(PerspectiveException e) {
        return GoogleError.respond(e.code(), e.getMessage(), e.details());
    }

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e) {
        return refusal(AccessRefusals.refusal(e));
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e) {
        return refusal(AccessRefusal.missingKey(true));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return GoogleError.respond(403, "This key may not call this method.", List.of());
    }

    /** An access refusal (401 without or with a bad key, 429 over the rate limit) in Google's error format. */
    private static Response refusal(AccessRefusal refusal) {
        Response.ResponseBuilder answer = Response.fromResponse(GoogleError.respond(refusal.status(), refusal.detail(), List.of()));
        refusal.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return GoogleError.respond(e.status(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        return GoogleError.respond(e.getResponse().getStatus(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String bodyFault = ProblemMappers.bodyFault(e);
        if (bodyFault != null) {
            // The client's fault (e.g. malformed chunked encoding), found while the body was read.
            LOG.debugf("unreadable comments request body: %s", e.getClass().getName());
            return GoogleError.respond(400, "The request body " + bodyFault + ".", List.of());
        }
        // Only the type: a message or stack could carry the comment, and nothing of it may reach the logs.
        LOG.errorf("comments request failed: %s", e.getClass().getName());
        return GoogleError.respond(500, "Internal error.", List.of());
    }
}
