package io.moderato.review.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.comment.CommentView;
import io.moderato.policy.SiteIds;
import io.moderato.problem.Problem;
import io.moderato.problem.ProblemException;
import io.moderato.problem.ProblemMappers;
import io.moderato.problem.RequestChecks;
import io.moderato.problem.StrictJsonBody;
import io.moderato.review.service.DecisionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Moderators' decisions in bulk ({@code /api/v1/decisions}). */
@Path("/api/v1/decisions")
@Tag(name = "Review")
@RolesAllowed(Roles.MODERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private static final int MAX_BULK = 500;

    private final DecisionService decisions;
    private final CurrentCaller caller;
    /** Unknown fields refused, in each decision too (see {@link CommentDecisionResource}), and a body that is not an object. */
    private final StrictJsonBody<BulkRequest> reader;

    public DecisionResource(DecisionService decisions, CurrentCaller caller, ObjectMapper json) {
        this.decisions = decisions;
        this.caller = caller;
        this.reader = StrictJsonBody.required(json, BulkRequest.class);
    }

    /**
     * Several decisions on one site.
     *
     * @param siteId    the site
     * @param decisions the decisions, each with the comment's id
     */
    public record BulkRequest(String siteId, List<BulkItem> decisions) {
    }

    /**
     * One decision of a bulk request.
     *
     * @param id               the comment's id
     * @param decision         APPROVE or REJECT
     * @param reason           why
     * @param note             a free note
     * @param expectedRevision the revision you saw
     * @param expectedStatus   the status you saw
     */
    public record BulkItem(String id, String decision, String reason, String note, Integer expectedRevision, String expectedStatus) {
    }

    /**
     * One decision's outcome.
     *
     * @param id      the comment's id
     * @param status  200, or the error's status (404, 409)
     * @param comment the decided comment, when 200
     * @param problem the error, otherwise
     */
    public record BulkResult(String id, int status, CommentView comment, Problem problem) {
    }

    /**
     * @param results one per decision, in request order
     */
    public record BulkResponse(List<BulkResult> results) {
    }

    @POST
    @Operation(summary = "Decide several comments", description = "Each decision stands alone: one conflict does not undo "
            + "the others. An unknown field, in the body or in any decision, is refused (400) and nothing is decided.")
    public BulkResponse bulk(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BulkRequest.class))) byte[] content) throws IOException {
        // Read here rather than by the framework: strictly (see StrictJsonBody).
        BulkRequest request = reader.read(content);
        RequestChecks checks = new RequestChecks();
        if (checks.require(request.siteId() != null, "siteId", "is required")) {
            checks.require(SiteIds.isValid(request.siteId()), "siteId", "is not a valid site id");
        }
        if (checks.require(request.decisions() != null && !request.decisions().isEmpty(), "decisions", "must not be empty")) {
            checks.require(request.decisions().size() <= MAX_BULK, "decisions", "must have at most " + MAX_BULK + " items");
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < request.decisions().size(); i++) {
                BulkItem item = request.decisions().get(i);
                if (checks.require(item != null && item.id() != null && !item.id().isBlank(), "decisions[" + i + "].id", "is required")) {
                    checks.require(ids.add(item.id()), "decisions[" + i + "].id", "appears twice");
                }
            }
        }
        checks.throwIfInvalid();
        caller.checkSite(request.siteId());
        List<DecisionService.DecisionCommand> commands = new ArrayList<>();
        for (int i = 0; i < request.decisions().size(); i++) {
            BulkItem item = request.decisions().get(i);
            commands.add(CommentDecisionResource.command(request.siteId(), item.id(), new CommentDecisionResource.DecisionRequest(item.decision(), item.reason(), item.note(),
                    item.expectedRevision(), item.expectedStatus()), "decisions[" + i + "]."));
        }
        List<BulkResult> results = new ArrayList<>();
        for (DecisionService.DecisionCommand command : commands) {
            try {
                results.add(new BulkResult(command.commentId(), 200, decisions.decide(command, caller.actor()), null));
            } catch (ProblemException e) {
                Problem problem = new Problem(ProblemMappers.TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), null, e.errors());
                results.add(new BulkResult(command.commentId(), e.status(), null, problem));
            }
        }
        return new BulkResponse(results);
    }
}
