package io.moderato.rescore.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.policy.SiteIds;
import io.moderato.problem.RequestChecks;
import io.moderato.problem.StrictJsonBody;
import io.moderato.rescore.service.RescoreJobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Starts the re-scoring of stored comments with the live bundles. */
// "/api/v1/admin" as class path, like the models and training resources: a "comments" class path would also be
// matched by prefix for other admin paths.
@Path("/api/v1/admin")
@Tag(name = "Models")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RescoreResource {

    private final RescoreJobs rescores;
    private final CurrentCaller caller;
    /**
     * Unknown fields and a body that is not an object refused: every field is optional and the default is every
     * site, so a misspelt {@code siteId} must not start a job over all of them.
     */
    private final StrictJsonBody<RescoreRequest> reader;

    public RescoreResource(RescoreJobs rescores, CurrentCaller caller, ObjectMapper json) {
        this.rescores = rescores;
        this.caller = caller;
        this.reader = StrictJsonBody.optional(json, RescoreRequest.class, new RescoreRequest(null, null, null),
                "for every site");
    }

    /**
     * A re-scoring request.
     *
     * @param siteId the site whose comments to re-score; null for every site
     * @param from   comments received at or after this ISO-8601 instant; null for the first one
     * @param to     comments received before this ISO-8601 instant; null for now
     */
    public record RescoreRequest(
            @Schema(description = "The site whose comments to re-score; none for every site.") String siteId,
            @Schema(description = "Comments received at or after this instant (ISO-8601); default: the first.") String from,
            @Schema(description = "Comments received before this instant (ISO-8601); default: now.") String to) {
    }

    @POST
    @Path("/comments:rescore")
    @Operation(summary = "Re-score stored comments", description = "Answers 202 with the job (progress at "
            + "/api/v1/admin/jobs/{id}, cancel with DELETE there). Scores the comments received in the period with "
            + "the live bundle of their site, stores the new scores with the model version (history kept) and, for "
            + "comments no moderator has decided, re-applies the site's policy; a new status is audited and sent "
            + "as events like any status change. A moderator's decision is never changed. The job commits a "
            + "checkpoint with every page: when its replica dies, another takes it over and resumes from there.")
    public Response rescore(@RequestBody(description = "What to re-score; an empty body re-scores every site's "
            + "comments.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RescoreRequest.class))) byte[] content) throws IOException {
        // Read here rather than by the framework: only an empty body means "everything" (see StrictJsonBody).
        RescoreRequest body = reader.read(content);
        RequestChecks checks = new RequestChecks();
        if (body.siteId() != null) {
            checks.require(SiteIds.isValid(body.siteId()), "siteId", SiteIds.RULE);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant from = checks.optionalInstant(body.from(), "from");
        Instant to = checks.optionalInstant(body.to(), "to");
        if (from != null && to != null) {
            checks.require(from.isBefore(to), "to", "must be after from");
        } else if (from != null) {
            checks.require(from.isBefore(now), "from", "must be in the past");
        } else if (to != null) {
            checks.require(Instant.EPOCH.isBefore(to), "to", "must be after from (default " + Instant.EPOCH + ")");
        }
        checks.throwIfInvalid();
        String jobId = rescores.start(new RescoreJobs.Request(body.siteId(), from == null ? Instant.EPOCH : from,
                to == null ? now : to), caller.actor());
        return Response.accepted(Map.of("jobId", jobId)).build();
    }
}
