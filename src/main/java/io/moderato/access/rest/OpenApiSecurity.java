package io.moderato.access.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;

/**
 * Declares in the OpenAPI document how the API authenticates, so that Swagger UI's "Authorize" button works: an
 * API key as a Bearer token for every {@code /api} operation; for the Perspective-compatible paths the key may also
 * be the {@code key} query parameter. Operations that need no key (the dashboard's pages and form posts, Coral's
 * signed endpoint, the discovery document) are marked as open. Registered with {@code mp.openapi.filter}.
 */
public class OpenApiSecurity implements OASFilter {

    /** The Bearer scheme's name in the document. */
    public static final String BEARER = "apiKey";
    /** The query-parameter scheme's name (Perspective paths only). */
    public static final String QUERY_KEY = "queryKey";
    private static final List<String> OPEN_PREFIXES = List.of("/dashboard", "/api/v1/coral/", "/$discovery/");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("mod_<prefix>_<secret>")
                .description("An API key (POST /api/v1/admin/keys, or the bootstrap admin key), sent as 'Authorization: Bearer <key>'."));
        components.addSecurityScheme(QUERY_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.QUERY).name("key")
                .description("The API key as ?key=, as Google's Perspective clients send it (/v1alpha1 only)."));
        openAPI.setComponents(components);
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean open = OPEN_PREFIXES.stream().anyMatch(path.getKey()::startsWith);
            boolean perspective = path.getKey().startsWith("/v1alpha1/");
            if (!open && !perspective) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                if (open) {
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
                } else {
                    SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme(BEARER);
                    SecurityRequirement query = OASFactory.createSecurityRequirement().addScheme(QUERY_KEY);
                    operation.setSecurity(List.of(bearer, query));
                }
            }
        }
    }
}
