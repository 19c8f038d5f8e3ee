package io.moderato.problem.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on a request's request line and headers, checked by the service so that a request over them gets a
 * problem detail (414, 431) rather than the HTTP layer's bare status. The HTTP layer's own limits
 * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) are set higher, so that these
 * apply first. Bodies likewise: {@code quarkus.http.limits.max-body-size} is the largest upload (a site's labelled
 * history, {@code labels:import}, which streams to disk), and {@link #maxBodySize()} bounds every other request.
 */
@ConfigMapping(prefix = "moderato.http")
public interface HttpLimitsConfig {

    /** Longest request line (method, URI and protocol) accepted, in bytes; longer ones get 414. */
    @WithDefault("8192")
    int maxRequestLine();

    /** Most bytes of headers (names and values) accepted; more get 431. */
    @WithDefault("16384")
    int maxHeaderBytes();

    /**
     * Largest body accepted by every endpoint but a labelled file's import (whose limit is
     * {@code quarkus.http.limits.max-body-size}); larger ones get 413.
     */
    @WithDefault("50M")
    MemorySize maxBodySize();
}
