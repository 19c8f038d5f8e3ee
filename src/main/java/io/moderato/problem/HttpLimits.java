package io.moderato.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.problem.config.HttpLimitsConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpVersion;
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
 *       limit as it is read ({@link ChunkedBodyLimit}: counted as it arrives, before the body readers see it,
 *       which would otherwise answer a bare 413 themselves);</li>
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
                refuse(context, 400, "invalid-request", "Invalid request", "Content-Length: must be a number of bytes",
                        List.of(new FieldError("Content-Length", "must be a number of bytes")));
                return;
            }
            long limit = isUpload(request) ? maxUploadSize : maxBodySize;
            if (declared > limit) {
                refuse(context, 413, "payload-too-large", "Payload Too Large", "The body is " + declared
                        + " bytes long; at most " + limit + " are accepted.");
                return;
            }
        }
        if (length == null && request.version() != HttpVersion.HTTP_2 && request.connection() instanceof ConnectionBase connection) {
            long limit = isUpload(request) ? maxUploadSize : maxBodySize;
            ChunkedBodyLimit.watch(connection, request, limit, () -> overLimit(context, connection, limit));
        }
        // A malformed chunk fails the connection: Vert.x calls this handler, then closes. Answer first.
        request.connection().exceptionHandler(failure -> {
            HttpServerResponse response = context.response();
            LOG.debugf("unreadable request body for %s %s: %s", request.method(), request.path(), failure.toString());
            if (!response.ended() && !response.headWritten() && !response.closed()) {
                refuse(context, 400, "invalid-request", "Invalid request", "body: could not be read, its chunked encoding is malformed",
                        List.of(new FieldError("body", "could not be read, its chunked encoding is malformed")));
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
     * A body without a declared length has passed its limit (on the event loop, the excess not passed on): answers
     * 413 when nothing was answered yet, and closes the connection once the answer is out (the rest of the body is
     * not read).
     */
    private void overLimit(RoutingContext context, ConnectionBase connection, long limit) {
        HttpServerResponse response = context.response();
        LOG.debugf("body of %s %s longer than %d bytes: refused", context.request().method(), context.request().path(), limit);
        if (!response.ended() && !response.headWritten() && !response.closed()) {
            refuse(context, 413, "payload-too-large", "Payload Too Large", "The body, sent without a declared length, "
                    + "is longer than " + limit + " bytes; at most " + limit + " are accepted.")
                    .onComplete(written -> connection.close());
        } else {
            connection.channelHandlerContext().flush();
            connection.close();
        }
    }

    /**
     * Counts the body of a request sent without a declared length (chunked) as it arrives on the connection, ahead
     * of Vert.x, and stops it at its limit: the chunk that would take the body past the limit is dropped, not passed
     * on, and the refusal runs instead. Without this the body readers find the excess first and answer a bare 413
     * without a body (RESTEasy Reactive's {@code VertxInputStream.read}, for JSON bodies and uploads alike).
     * One per HTTP/1.x connection, armed for each such request by {@link #check} and disarmed at the body's end or
     * the next request.
     */
    static final class ChunkedBodyLimit extends ChannelInboundHandlerAdapter {

        static final String NAME = "moderato-chunked-body-limit";

        private HttpServerRequest request;
        /** The body's bytes received so far (Vert.x's own count, {@code bytesRead}, grows only as it hands them on). */
        private long received;
        private long limit;
        private Runnable onExceeded;
        private boolean exceeded;

        static void watch(ConnectionBase connection, HttpServerRequest request, long limit, Runnable onExceeded) {
            ChannelHandlerContext vertx = connection.channelHandlerContext();
            ChannelPipeline pipeline = vertx.pipeline();
            ChunkedBodyLimit handler = (ChunkedBodyLimit) pipeline.get(NAME);
            if (handler == null) {
                handler = new ChunkedBodyLimit();
                pipeline.addBefore(vertx.name(), NAME, handler);
            }
            ChunkedBodyLimit armed = handler;
            if (vertx.executor().inEventLoop()) {
                armed.arm(request, limit, onExceeded);
            } else {
                vertx.executor().execute(() -> armed.arm(request, limit, onExceeded));
            }
        }

        private void arm(HttpServerRequest request, long limit, Runnable onExceeded) {
            this.request = request;
            this.received = request.bytesRead();
            this.limit = limit;
            this.onExceeded = onExceeded;
            this.exceeded = false;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest) {
                request = null;
            } else if (request != null && message instanceof HttpContent content) {
                boolean last = message instanceof LastHttpContent;
                if (!exceeded) {
                    received += content.content().readableBytes();
                    if (received > limit) {
                        exceeded = true;
                        onExceeded.run();
                    }
                }
                if (exceeded) {
                    ReferenceCountUtil.release(message);
                    if (last) {
                        request = null;
                    }
                    return;
                }
                if (last) {
                    request = null;
                }
            }
            context.fireChannelRead(message);
        }
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

    private io.vertx.core.Future<Void> refuse(RoutingContext context, int status, String type, String title, String detail) {
        return refuse(context, status, type, title, detail, List.of());
    }

    private io.vertx.core.Future<Void> refuse(RoutingContext context, int status, String type, String title, String detail,
                                              List<FieldError> errors) {
        String path = context.request().path();
        Object body;
        String mediaType;
        if (path != null && ProblemMappers.isPerspectivePath(path)) {
            body = new GoogleError(new GoogleError.Body(status, detail, GoogleError.statusFor(status), List.of()));
            mediaType = "application/json";
        } else {
            // A too long URI is not echoed back.
            body = new Problem(ProblemMappers.TYPE_BASE + type, title, status, detail, status == 414 ? null : path, errors);
            mediaType = Problem.MEDIA_TYPE;
        }
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, mediaType)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(text);
    }
}
