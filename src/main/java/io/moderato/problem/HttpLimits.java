package io.moderato.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.problem.config.HttpLimitsConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * The HTTP layer's own refusals, answered with a body like every other error ({@code application/problem+json}, or
 * Google's error format under {@code /v1alpha1}) instead of the bare status lines Vert.x and Quarkus send:
 * <ul>
 *   <li>414 for a request line longer than {@link HttpLimitsConfig#maxRequestLine()} and 431 for headers larger than
 *       {@link HttpLimitsConfig#maxHeaderBytes()} (Vert.x itself is configured with larger limits, so that these
 *       checks see the request first);</li>
 *   <li>413 for a declared body larger than {@link HttpLimitsConfig#maxBodySize()}, or, for a labelled file's
 *       import ({@code POST .../labels:import}, a multipart upload streamed to disk), larger than
 *       {@code quarkus.http.limits.max-body-size}; a chunked body without a declared length is held to the same
 *       limit as it is read;</li>
 *   <li>400 for a body whose chunked encoding is malformed: the answer is written before Vert.x closes the
 *       connection, and the failure is logged in one line at debug level, never as a stack trace. (One case is
 *       left: a request already refused from a worker thread, e.g. 403, whose body then fails, is closed without
 *       that refusal, as Vert.x closes the connection before the worker's answer reaches it.)</li>
 * </ul>
 * This runs as the first route of the router, before Quarkus' own body-size check.
 */
@ApplicationScoped
public class HttpLimits {

    private static final Logger LOG = Logger.getLogger(HttpLimits.class);
    /** Before Quarkus' upload limit (order -2). */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 8;

    /** A labelled file's import: {@code POST /api/v1/admin/sites/{siteId}/labels:import}, the colon maybe encoded. */
    private static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern.compile(
            "/api/v1/admin/sites/[^/]+/labels(:|%3[aA])import");

    private final HttpLimitsConfig config;
    private final long maxUploadSize;
    private final long maxBodySize;
    private final ObjectMapper json;

    public HttpLimits(HttpLimitsConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxUploadSize,
                      ObjectMapper json) {
        this.config = config;
        this.maxUploadSize = maxUploadSize.asLongValue();
        this.maxBodySize = Math.min(config.maxBodySize().asLongValue(), this.maxUploadSize);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check).failureHandler(this::afterAnswer);
        // Quarkus' upload limit (order -2) hands its limit to the body readers for a body of undeclared length
        // (chunked); every request but an upload gets the tighter one.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(context -> {
            if (!isUpload(context.request()) && context.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null) {
                context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, maxBodySize);
            }
            context.next();
        });
    }

    private static boolean isUpload(HttpServerRequest request) {
        return request.method() == io.vertx.core.http.HttpMethod.POST && request.path() != null
                && UPLOAD.matcher(request.path()).matches();
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        int requestLine = request.method().name().length() + uri.length() + 10;
        if (requestLine > config.maxRequestLine()) {
            refuse(context, 414, "uri-too-long", "URI Too Long", "The request line is " + requestLine
                    + " bytes long; at most " + config.maxRequestLine() + " are accepted.");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderBytes()) {
            refuse(context, 431, "request-header-fields-too-large", "Request Header Fields Too Large",
                    "The request's headers take " + headerBytes + " bytes; at most " + config.maxHeaderBytes() + " are accepted.");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                refuse(context, 400, "invalid-request", "Invalid request", "Content-Length must be a number of bytes.");
                return;
            }
            long limit = isUpload(request) ? maxUploadSize : maxBodySize;
            if (declared > limit) {
                refuse(context, 413, "payload-too-large", "Payload Too Large", "The body is " + declared
                        + " bytes long; at most " + limit + " are accepted.");
                return;
            }
        }
        // A malformed chunk fails the connection: Vert.x calls this handler, then closes. Answer first.
        request.connection().exceptionHandler(failure -> {
            HttpServerResponse response = context.response();
            LOG.debugf("unreadable request body for %s %s: %s", request.method(), request.path(), failure.toString());
            if (!response.ended() && !response.headWritten() && !response.closed()) {
                refuse(context, 400, "invalid-request", "Invalid request", "The body could not be read: its chunked encoding is malformed.");
            }
            // Vert.x flushes what was written while it reads at the end of the read, but here it closes the channel
            // first: flush now, or the answer (this one, or one written before the body failed) is dropped.
            if (request.connection() instanceof ConnectionBase connection) {
                connection.channelHandlerContext().flush();
            }
        });
        context.next();
    }

    /**
     * A request already answered here (a malformed body) fails again when the resource tries to answer too: that
     * second failure is expected and is not logged as a server error.
     */
    private void afterAnswer(RoutingContext context) {
        if (context.response().ended() || context.response().closed()) {
            LOG.debugf("request %s %s failed after it was answered: %s", context.request().method(), context.request().path(),
                    String.valueOf(context.failure()));
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, int status, String type, String title, String detail) {
        String path = context.request().path();
        Object body;
        String mediaType;
        if (path != null && ProblemMappers.isPerspectivePath(path)) {
            body = new GoogleError(new GoogleError.Body(status, detail, GoogleError.statusFor(status), List.of()));
            mediaType = "application/json";
        } else {
            // A too long URI is not echoed back.
            body = new Problem(ProblemMappers.TYPE_BASE + type, title, status, detail, status == 414 ? null : path, List.of());
            mediaType = Problem.MEDIA_TYPE;
        }
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, mediaType)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(text);
    }
}
