package io.moderato.perspective.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Some HTTP clients send the colon of {@code comments:analyze} (or of the admin API's {@code labels:import},
 * {@code models:train}) percent-encoded ({@code comments%3Aanalyze}); the router matches the raw path, so the colon
 * is decoded before matching.
 */
public class EncodedColonFilter {

    private static final Pattern ENCODED_COLON = Pattern.compile("%3[Aa]");

    @ServerRequestFilter(preMatching = true)
    public void decodeColon(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path != null && (path.startsWith("/v1alpha1/") || path.startsWith("/api/v1/admin/"))
                && ENCODED_COLON.matcher(path).find()) {
            request.setRequestUri(UriBuilder.fromUri(uri).replacePath(ENCODED_COLON.matcher(path).replaceAll(":")).build());
        }
    }
}
