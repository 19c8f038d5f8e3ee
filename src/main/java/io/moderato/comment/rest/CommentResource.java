package io.moderato.comment.rest;

import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.classification.config.ClassificationConfig;
import io.moderato.comment.CommentView;
import io.moderato.comment.service.CommentService;
import io.moderato.comment.service.IngestCommand;
import io.moderato.policy.SiteIds;
import io.moderato.problem.LenientParameters;
import io.moderato.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ingesting comments and reading one back. */
@LenientParameters("site integrations written by third parties; the bodies' unknown fields are ignored as well")
@Path("/api/v1/comments")
@Tag(name = "Comments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    private final CommentService comments;
    private final ClassificationConfig limits;
    private final CurrentCaller caller;

    public CommentResource(CommentService comments, ClassificationConfig limits, CurrentCaller caller) {
        this.comments = comments;
        this.limits = limits;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "Ingest a comment",
            description = "Classifies it, applies the site's policy and stores it. 201 for a new comment; 200 for a retry "
                    + "(nothing changes) or an edit (new text: scored and decided again, history kept).")
    @APIResponse(responseCode = "201", description = "Stored; the answer is the stored comment, Location its address")
    @APIResponse(responseCode = "200", description = "Known comment: unchanged retry or edit")
    @APIResponse(responseCode = "400", description = "Invalid fields; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ingest(IngestRequest request) {
        IngestCommand command = IngestRequest.check(request, limits.maxTextLength());
        caller.checkSite(command.siteId());
        CommentService.IngestResult result = comments.ingest(command, caller.actor());
        Response.ResponseBuilder response = Response.status(result.outcome() == CommentService.Outcome.CREATED ? 201 : 200)
                .entity(result.comment()).header("Moderato-Ingest-Outcome", result.outcome().name());
        if (result.outcome() == CommentService.Outcome.CREATED) {
            response.location(UriBuilder.fromPath("/api/v1/comments/{siteId}/{id}").build(request.siteId(), request.id()));
        }
        return response.build();
    }

    @GET
    @Path("/{siteId}/{id}")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "Get a comment", description = "Scores, spans, topics, decision, reasons and the revision history.")
    public CommentView get(@PathParam("siteId") String siteId, @PathParam("id") String id) {
        SiteIds.check(siteId);
        caller.checkSite(siteId);
        return comments.get(siteId, id);
    }
}
