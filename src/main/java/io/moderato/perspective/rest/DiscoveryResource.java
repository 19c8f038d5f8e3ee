package io.moderato.perspective.rest;

import io.moderato.problem.LenientParameters;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Google API discovery document of {@code commentanalyzer v1alpha1}, pointing at this server. Perspective's own
 * samples build their clients from it ({@code discoveryServiceUrl=.../$discovery/rest?version=v1alpha1} in Python,
 * {@code google.discoverAPI(...)} in Node), so with Moderato's URL in its place they work unchanged.
 */
@LenientParameters("Google's client libraries fetch the discovery document with parameters of their own")
@Path("/$discovery/rest")
@PermitAll
@Tag(name = "Perspective API")
public class DiscoveryResource {

    private static final String TEMPLATE = load();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Perspective's discovery document",
            description = "commentanalyzer v1alpha1 with this server as its root URL; the document describes the API, it needs no key.")
    public Response discovery(@QueryParam("version") String version, @Context UriInfo uri) {
        if (version != null && !version.equals("v1alpha1")) {
            return Response.status(404).type(MediaType.APPLICATION_JSON)
                    .entity("{\"error\": {\"code\": 404, \"message\": \"Only version v1alpha1 is served.\", \"status\": \"NOT_FOUND\"}}")
                    .build();
        }
        String root = uri.getBaseUri().toString();
        return Response.ok(TEMPLATE.replace("ROOT_URL", root.endsWith("/") ? root : root + "/")).build();
    }

    private static String load() {
        try (InputStream in = DiscoveryResource.class.getResourceAsStream("/io/moderato/perspective/discovery-v1alpha1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
