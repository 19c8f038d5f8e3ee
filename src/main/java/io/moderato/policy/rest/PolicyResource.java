package io.moderato.policy.rest;

import io.moderato.access.Authorized;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Role;
import io.moderato.policy.SiteIds;
import io.moderato.policy.SitePolicy;
import io.moderato.policy.service.PolicyService;
import io.moderato.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A site's moderation policy. */
@Path("/api/v1/admin/sites/{siteId}/policy")
@Tag(name = "Policy")
@Authorized(Role.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;
    private final CurrentCaller caller;

    public PolicyResource(PolicyService policies, CurrentCaller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Get a site's policy", description = "A site that never set one gets the defaults (stored: false).")
    public PolicyService.StoredPolicy get(@PathParam("siteId") String siteId) {
        SiteIds.check(siteId);
        return policies.get(siteId);
    }

    @PUT
    @Operation(summary = "Replace a site's policy", description = "Applies to comments ingested from now on.")
    public PolicyService.StoredPolicy put(@PathParam("siteId") String siteId, SitePolicy policy) {
        SiteIds.check(siteId);
        if (policy == null) {
            throw ProblemException.invalid("body", "is required");
        }
        return policies.put(siteId, policy, caller.actor());
    }
}
