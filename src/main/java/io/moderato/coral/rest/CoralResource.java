package io.moderato.coral.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.classification.config.ClassificationConfig;
import io.moderato.coral.CoralModeration;
import io.moderato.coral.CoralSignature;
import io.moderato.coral.config.CoralConfig;
import io.moderato.coral.service.CoralModerationService;
import io.moderato.problem.LenientParameters;
import io.moderato.problem.Problem;
import io.moderato.problem.ProblemException;
import io.moderato.problem.RequestChecks;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/**
 * Coral Talk's External Moderation Phase. Coral authenticates with its request signature, not an API key, so the
 * endpoint is open to the key filter and checks {@code X-Coral-Signature} against the configured secrets first.
 */
@LenientParameters("Coral Talk calls the URL its administrator configured, with whatever query it holds")
@Path("/api/v1/coral/moderate")
@PermitAll
@Tag(name = "Coral Talk")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CoralResource {

    private static final Set<String> ACTIONS = Set.of("NEW", "EDIT");

    private final CoralModerationService service;
    private final CoralConfig config;
    private final ClassificationConfig limits;
    private final ObjectMapper json;

    public CoralResource(CoralModerationService service, CoralConfig config, ClassificationConfig limits, ObjectMapper json) {
        this.service = service;
        this.config = config;
        this.limits = limits;
        this.json = json;
    }

    @POST
    @Operation(summary = "Coral external moderation phase",
            description = "Classifies the comment Coral sends, applies the site's policy and answers REJECTED, the hold "
                    + "status (SYSTEM_WITHHELD or PREMOD) with FLAG actions, or no status. Signed by Coral (X-Coral-Signature).")
    @APIResponse(responseCode = "200", description = "Coral's phase result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoralModeration.Response.class)))
    @APIResponse(responseCode = "401", description = "No signature",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "No signature matches a configured secret",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CoralModeration.Response moderate(@HeaderParam(CoralSignature.HEADER) String signature, byte[] body) {
        if (signature == null || signature.isBlank()) {
            throw new ProblemException(401, "unauthorized", "Unauthorized",
                    "Coral's " + CoralSignature.HEADER + " header is required.", List.of());
        }
        if (!CoralSignature.verify(signature, body == null ? new byte[0] : body, config.signingSecrets().orElse(List.of()))) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "The " + CoralSignature.HEADER + " does not match the body under any configured signing secret.", List.of());
        }
        CoralModeration.Request request = read(body);
        RequestChecks checks = new RequestChecks();
        if (checks.require(request != null, "body", "is required")
                && checks.require(request.comment() != null, "comment", "is required")) {
            checks.requireText(request.comment().body(), "comment.body", limits.maxTextLength());
            checks.require(request.action() == null || ACTIONS.contains(request.action()), "action", "must be NEW or EDIT");
        }
        checks.throwIfInvalid();
        return service.moderate(request);
    }

    private CoralModeration.Request read(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : json.readValue(body, CoralModeration.Request.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "is not a Coral moderation request: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ProblemException.invalid("body", "cannot be read");
        }
    }
}
