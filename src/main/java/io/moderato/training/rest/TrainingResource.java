package io.moderato.training.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.moderato.access.CurrentCaller;
import io.moderato.policy.SiteIds;
import io.moderato.problem.RequestChecks;
import io.moderato.problem.StrictJsonBody;
import io.moderato.training.SiteGate;
import io.moderato.training.service.TrainingJobs;
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
import java.util.Map;

/** Starts a training: the shared bundle, or a site's own. */
// Shares its class path with the models resource (see there).
@Path("/api/v1/admin")
@Tag(name = "Models")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingResource {

    private final TrainingJobs trainings;
    private final CurrentCaller caller;
    /**
     * Unknown fields and a body that is not an object refused: every field is optional and the default is the shared
     * bundle, so a misspelt {@code siteId} must not train that instead of the site's, nor a misspelt target leave
     * the default in place.
     */
    private final StrictJsonBody<TrainRequest> reader;

    public TrainingResource(TrainingJobs trainings, CurrentCaller caller, ObjectMapper json) {
        this.trainings = trainings;
        this.caller = caller;
        this.reader = StrictJsonBody.optional(json, TrainRequest.class, new TrainRequest(null, null, null, null),
                "for the shared bundle");
    }

    /**
     * A training request.
     *
     * @param siteId          the site whose bundle to train (its labels join the corpus), or null for the shared one
     * @param baseCorpus      whether the corpus joins the site's labels (default true)
     * @param reviewRecall    the review target of the threshold suggestions (default 0.9)
     * @param rejectPrecision the reject target of the threshold suggestions (default 0.98)
     */
    public record TrainRequest(
            @Schema(description = "The site whose own bundle to train; none for the shared bundle.") String siteId,
            @Schema(description = "Whether the corpus joins the site's labels (default true).") Boolean baseCorpus,
            @Schema(description = "Suggest a review threshold that holds at least this share of what moderators "
                    + "reject (default 0.9).") Double reviewRecall,
            @Schema(description = "Suggest a reject threshold at this precision (default 0.98).") Double rejectPrecision) {
    }

    @POST
    @Path("/models:train")
    @Operation(summary = "Train a model bundle", description = "Answers 202 with the training job; its result names "
            + "the new bundle and, for a site, the evaluation gate's report. The bundle is not made live: promote it "
            + "with the activate endpoint. 409 while another training is queued or running.")
    public Response train(@RequestBody(description = "What to train; an empty body trains the shared bundle.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrainRequest.class))) byte[] content) throws IOException {
        // Read here rather than by the framework: only an empty body means the shared bundle (see StrictJsonBody).
        TrainRequest body = reader.read(content);
        RequestChecks checks = new RequestChecks();
        if (body.siteId() != null) {
            checks.require(SiteIds.isValid(body.siteId()), "siteId", SiteIds.RULE);
        }
        checks.require(body.siteId() != null || !Boolean.FALSE.equals(body.baseCorpus()), "baseCorpus",
                "must be true for the shared bundle (it is the corpus)");
        checkShare(checks, body.reviewRecall(), "reviewRecall");
        checkShare(checks, body.rejectPrecision(), "rejectPrecision");
        checks.throwIfInvalid();
        String jobId = trainings.start(new TrainingJobs.Request(body.siteId(), !Boolean.FALSE.equals(body.baseCorpus()),
                body.reviewRecall() == null ? SiteGate.REVIEW_RECALL : body.reviewRecall(),
                body.rejectPrecision() == null ? SiteGate.REJECT_PRECISION : body.rejectPrecision()), caller.actor());
        return Response.accepted(Map.of("jobId", jobId)).build();
    }

    private static void checkShare(RequestChecks checks, Double value, String field) {
        if (value != null) {
            checks.require(value > 0 && value <= 1, field, "must be above 0 and at most 1");
        }
    }
}
