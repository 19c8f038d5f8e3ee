package io.moderato.review.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.CommentView;
import io.moderato.policy.Decision;
import io.moderato.policy.SiteIds;
import io.moderato.problem.RequestChecks;
import io.moderato.problem.StrictJsonBody;
import io.moderato.review.service.DecisionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/** A moderator's decision on one comment, and undo. */
@Path("/api/v1/comments/{siteId}/{id}")
@Tag(name = "Review")
@RolesAllowed(Roles.MODERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CommentDecisionResource {

    private final DecisionService decisions;
    private final CurrentCaller caller;
    /**
     * Unknown fields and a body that is not an object refused: a misspelt {@code expectedRevision} or
     * {@code expectedStatus} would skip the check that the comment is still as the moderator saw it, a misspelt
     * {@code reason} or {@code note} would be lost from the audit log.
     */
    private final StrictJsonBody<DecisionRequest> reader;

    public CommentDecisionResource(DecisionService decisions, CurrentCaller caller, ObjectMapper json) {
        this.decisions = decisions;
        this.caller = caller;
        this.reader = StrictJsonBody.required(json, DecisionRequest.class);
    }

    /**
     * A decision.
     *
     * @param decision         APPROVE or REJECT
     * @param reason           why (a code or short text)
     * @param note             a free note
     * @param expectedRevision the comment revision you saw; 409 when it changed
     * @param expectedStatus   the status you saw; 409 when it changed (required to overrule another moderator)
     */
    public record DecisionRequest(String decision, String reason, String note, Integer expectedRevision, String expectedStatus) {
    }

    @POST
    @Path("/decision")
    @Operation(summary = "Decide a comment", description = "409 when the comment changed, was decided by someone else or "
            + "is claimed by another moderator. An unknown field is refused (400). Recorded in the audit log with the "
            + "previous state and the model's scores.")
    public CommentView decide(@PathParam("siteId") String siteId, @PathParam("id") String id,
                              @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                      schema = @Schema(implementation = DecisionRequest.class))) byte[] content) throws IOException {
        SiteIds.check(siteId);
        caller.checkSite(siteId);
        // Read here rather than by the framework: strictly (see StrictJsonBody).
        DecisionRequest request = reader.read(content);
        return decisions.decide(command(siteId, id, request, ""), caller.actor());
    }

    @POST
    @Path("/undo")
    @Operation(summary = "Undo your last decision", description = "Within moderato.review.undo-seconds of deciding; 409 otherwise.")
    public CommentView undo(@PathParam("siteId") String siteId, @PathParam("id") String id) {
        SiteIds.check(siteId);
        caller.checkSite(siteId);
        return decisions.undo(siteId, id, caller.actor());
    }

    static DecisionService.DecisionCommand command(String siteId, String id, DecisionRequest request, String prefix) {
        RequestChecks checks = new RequestChecks();
        Decision decision = null;
        CommentStatus expected = null;
        if (checks.require(request.decision() != null, prefix + "decision", "is required")) {
            decision = "APPROVE".equalsIgnoreCase(request.decision()) ? Decision.APPROVE
                    : "REJECT".equalsIgnoreCase(request.decision()) ? Decision.REJECT : null;
            checks.require(decision != null, prefix + "decision", "must be APPROVE or REJECT");
        }
        checks.optionalText(request.reason(), prefix + "reason", 500);
        checks.optionalText(request.note(), prefix + "note", 2000);
        if (request.expectedStatus() != null) {
            expected = QueueResource.parse(CommentStatus.class, request.expectedStatus(), null, prefix + "expectedStatus", checks);
        }
        checks.throwIfInvalid();
        return new DecisionService.DecisionCommand(siteId, id, decision, request.reason(), request.note(),
                request.expectedRevision(), expected);
    }
}
