package io.moderato.access.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Role;
import io.moderato.access.Roles;
import io.moderato.access.repository.ApiKeyEntity;
import io.moderato.access.service.ApiKeyService;
import io.moderato.policy.SiteIds;
import io.moderato.problem.RequestChecks;
import io.moderato.problem.StrictJsonBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.ResponseStatus;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** API keys: create (the secret is shown once), list (prefixes only), revoke. */
@Path("/api/v1/admin/keys")
@Tag(name = "Access")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private static final int MAX_SITES = 30;

    private final ApiKeyService keys;
    private final CurrentCaller caller;

    /**
     * Unknown fields and a body that is not an object refused: a misspelt {@code sites} would give the key every
     * site, a misspelt {@code expiresAt} a key that never expires.
     */
    private final StrictJsonBody<CreateKeyRequest> reader;

    public ApiKeyResource(ApiKeyService keys, CurrentCaller caller, ObjectMapper json) {
        this.keys = keys;
        this.caller = caller;
        this.reader = StrictJsonBody.required(json, CreateKeyRequest.class);
    }

    /**
     * A key to create.
     *
     * @param name               what the key is for
     * @param role               client, moderator or admin
     * @param expiresAt          when it stops working (optional)
     * @param rateLimitPerMinute its own budget (optional)
     * @param sites              the sites a client or moderator key is limited to (optional; absent: all sites)
     */
    public record CreateKeyRequest(String name, String role, Instant expiresAt, Integer rateLimitPerMinute, List<String> sites) {
    }

    /**
     * A key as listed.
     *
     * @param prefix             its public prefix
     * @param name               what it is for
     * @param role               its role
     * @param createdAt          when it was created
     * @param createdBy          who created it
     * @param expiresAt          when it expires, if ever
     * @param revokedAt          when it was revoked, if it was
     * @param lastUsedAt         when it was last used (to within five minutes)
     * @param rateLimitPerMinute its own budget, if set
     * @param active             whether it works now
     * @param sites              the sites it is limited to; null for all sites
     */
    public record KeyView(String prefix, String name, String role, Instant createdAt, String createdBy,
                          Instant expiresAt, Instant revokedAt, Instant lastUsedAt, Integer rateLimitPerMinute,
                          boolean active, java.util.SortedSet<String> sites) {
        static KeyView of(ApiKeyEntity key) {
            return new KeyView(key.prefix, key.name, key.role.name().toLowerCase(), key.createdAt, key.createdBy,
                    key.expiresAt, key.revokedAt, key.lastUsedAt, key.rateLimitPerMinute, key.isActive(Instant.now()),
                    ApiKeyService.sites(key));
        }
    }

    /**
     * A created key.
     *
     * @param key    the full key: shown this once, store it safely
     * @param details the stored key
     */
    public record CreatedKeyView(String key, KeyView details) {
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create an API key", description = "The full key is in the answer and never shown again.")
    public CreatedKeyView create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateKeyRequest.class))) byte[] content) throws IOException {
        CreateKeyRequest request = reader.read(content);
        RequestChecks checks = new RequestChecks();
        Role role = null;
        checks.requireText(request.name(), "name", 200);
        if (checks.require(request.role() != null, "role", "is required")) {
            role = Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(request.role())).findFirst().orElse(null);
            checks.require(role != null, "role", "must be one of client, moderator, admin");
        }
        checks.require(request.expiresAt() == null || request.expiresAt().isAfter(Instant.now()), "expiresAt", "must be in the future");
        checks.require(request.rateLimitPerMinute() == null || request.rateLimitPerMinute() > 0, "rateLimitPerMinute", "must be positive");
        if (request.sites() != null && checks.require(request.sites().size() <= MAX_SITES, "sites", "must list at most " + MAX_SITES + " sites")) {
            for (int i = 0; i < request.sites().size(); i++) {
                checks.require(SiteIds.isValid(request.sites().get(i)), "sites[" + i + "]",
                        "must be 1 to 100 letters, digits, dots, dashes or underscores");
            }
            checks.require(request.sites().isEmpty() || role != Role.ADMIN, "sites", "an admin key acts on every site; only client and moderator keys can be limited");
        }
        checks.throwIfInvalid();
        ApiKeyService.CreatedKey created = keys.create(request.name().strip(), role, request.expiresAt(),
                request.rateLimitPerMinute(), caller.actor(), request.sites());
        return new CreatedKeyView(created.secret(), KeyView.of(created.key()));
    }

    @GET
    @Operation(summary = "List API keys", description = "Prefixes only; secrets are not stored.")
    public List<KeyView> list() {
        return keys.list().stream().map(KeyView::of).toList();
    }

    @DELETE
    @Path("/{prefix}")
    @Operation(summary = "Revoke an API key", description = "Takes effect at once; revoking twice is harmless. "
            + "Recorded in the audit log (KEY_REVOKED), as creation is (KEY_CREATED).")
    public KeyView revoke(@PathParam("prefix") String prefix) {
        return KeyView.of(keys.revoke(prefix, caller.actor()));
    }
}
