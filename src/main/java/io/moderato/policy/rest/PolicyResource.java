package io.moderato.policy.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.policy.SiteIds;
import io.moderato.policy.SitePolicy;
import io.moderato.policy.service.PolicyService;
import io.moderato.problem.Problem;
import io.moderato.problem.ProblemException;
import io.moderato.problem.StrictJsonBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/**
 * A site's moderation policy: read it (with its version as ETag), replace it whole (PUT), or change part of it with
 * a JSON Merge Patch (PATCH); both writes take {@code If-Match} and answer 412 when the policy changed meanwhile.
 */
// The class path is shared with the labels resource: RESTEasy Reactive does not fall back from one class's path to
// another's that is a prefix of it, so resources under one site share the site's path.
@Path("/api/v1/admin/sites/{siteId}")
@Tag(name = "Policy")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    /** The media type of a JSON Merge Patch (RFC 7396). */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final PolicyService policies;
    private final CurrentCaller caller;
    /**
     * A replacement's body: unknown fields (nested ones too) and a body that is not an object refused, since a field
     * left out takes its default, so a misspelt one would silently reset what it meant to set.
     */
    private final StrictJsonBody<SitePolicy> reader;

    public PolicyResource(PolicyService policies, CurrentCaller caller, ObjectMapper json) {
        this.policies = policies;
        this.caller = caller;
        this.reader = StrictJsonBody.required(json, SitePolicy.class);
    }

    @GET
    @Path("/policy")
    @Operation(summary = "Get a site's policy", description = "A site that never set one gets the defaults (stored: false, "
            + "version 0). The ETag is the policy's version; send it back as If-Match when you change the policy.")
    public Response get(@PathParam("siteId") String siteId) {
        SiteIds.check(siteId);
        return withTag(policies.get(siteId));
    }

    @PUT
    @Path("/policy")
    @Operation(summary = "Replace a site's policy", description = "A full replacement: every field the body leaves out "
            + "takes its default (not its stored value); an unknown field is refused. With If-Match (the version from GET), 412 when the policy "
            + "changed since. Applies to comments ingested from now on. Recorded in the audit log (POLICY_CHANGED).")
    @APIResponse(responseCode = "200", description = "Stored; ETag is the new version")
    @APIResponse(responseCode = "400", description = "Unsound fields, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The policy changed since the If-Match version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("siteId") String siteId,
                        @Parameter(description = "the version read (GET's ETag), or *") @HeaderParam("If-Match") String ifMatch,
                        @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = SitePolicy.class))) byte[] content) throws IOException {
        SiteIds.check(siteId);
        // Read here rather than by the framework: strictly (see StrictJsonBody).
        SitePolicy policy = reader.read(content);
        return withTag(policies.put(siteId, policy, caller.actor(), expectedVersion(ifMatch)));
    }

    @PATCH
    @Path("/policy")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change part of a site's policy", description = "A JSON Merge Patch (RFC 7396) of the policy: "
            + "members named change, objects (thresholds) merge, a member set to null returns to its default, the rest "
            + "stays as stored; a member the policy does not have is refused, as for PUT (also one set to null). If-Match "
            + "and 412 as for PUT. Recorded in the audit log (POLICY_CHANGED).")
    @APIResponse(responseCode = "200", description = "Stored; ETag is the new version")
    @APIResponse(responseCode = "412", description = "The policy changed since the If-Match version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("siteId") String siteId,
                          @Parameter(description = "the version read (GET's ETag), or *") @HeaderParam("If-Match") String ifMatch,
                          @Schema(implementation = SitePolicy.class) JsonNode patch) {
        SiteIds.check(siteId);
        return withTag(policies.patch(siteId, patch, caller.actor(), expectedVersion(ifMatch)));
    }

    /** @return the version an If-Match names; null for none or {@code *} */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("If-Match", "must be the policy's ETag, e.g. \"3\", or *");
    }

    private static Response withTag(PolicyService.StoredPolicy stored) {
        return Response.ok(stored).tag(new EntityTag(Long.toString(stored.version()))).build();
    }
}
