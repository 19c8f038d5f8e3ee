package io.moderato.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Turns every failure into an {@code application/problem+json} response: the service's own refusals, malformed or
 * mistyped JSON, bean-validation failures, HTTP-level errors (404, 405, 415...) and, last, unexpected errors
 * (500, logged, with no internals in the answer).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Problem type URIs are relative to this. */
    public static final String TYPE_BASE = "https://moderato.dev/problems/";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return invalidField(duplicate, DUPLICATE, uri);
        }
        return invalidBody("malformed JSON: " + e.getOriginalMessage(), uri);
    }

    private static final String DUPLICATE = "appears twice in the same object";

    /**
     * @param e a failure while JSON was read
     * @return the JSON path of a key given twice, when some parse failure in the chain is that; else null
     */
    static String duplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException parse) {
                String path = duplicateKey(parse);
                if (path != null) {
                    return path;
                }
            }
        }
        return null;
    }

    /**
     * @param e a parse failure
     * @return the JSON path of the key given twice, when that is the failure (strict duplicate detection); else null
     */
    private static String duplicateKey(StreamReadException e) {
        String message = e.getOriginalMessage();
        com.fasterxml.jackson.core.JsonParser parser = e.getProcessor();
        if (message == null || !message.startsWith("Duplicate field '") || parser == null) {
            return null;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        String name = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
        parts.push(name);
        for (JsonStreamContext context = parser.getParsingContext().getParent(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                parts.push(context.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return invalidField(path(e), RequestChecks.UNKNOWN_FIELD, uri);
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e, UriInfo uri) {
        FieldError error = fieldError(e);
        return invalidField(error.field(), error.reason(), uri);
    }

    /**
     * What a client is told about a value Jackson could not read, outside an exception mapper (a merge patch is read
     * by a service). An enum names its allowed values, never a Java type.
     *
     * @param e the failure
     * @return the field and the reason
     */
    public static FieldError fieldError(JsonMappingException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(field, RequestChecks.UNKNOWN_FIELD);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> type = format.getTargetType();
            if (type.isEnum()) {
                return new FieldError(field, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
            }
            return new FieldError(field, "has the wrong type or format (" + describe(type) + " expected)");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new FieldError(field, "has the wrong type (" + (mismatch.getTargetType() == null ? "another type"
                    : describe(mismatch.getTargetType())) + " expected)");
        }
        return new FieldError(field, "cannot be read: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return invalidField(path(e), "has the wrong type (" + expected + " expected)", uri);
    }

    @ServerExceptionMapper
    public Response badMapping(JsonMappingException e, UriInfo uri) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return invalidField(duplicate, DUPLICATE, uri);
        }
        return invalidField(path(e), "cannot be read: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return invalidField(duplicate, DUPLICATE, uri);
        }
        return invalidBody("unreadable JSON: " + e.getOriginalMessage(), uri);
    }

    /** Quarkus' own exception for request validation, which would otherwise get Quarkus' own report format. */
    @ServerExceptionMapper
    public Response requestViolation(io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"))) {
            // A response that breaks its own constraints is the server's fault.
            return unexpected(e, uri);
        }
        return constraintViolation(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        ProblemException problem = ProblemException.invalid(errors);
        return respond(400, problem.type(), problem.title(), problem.getMessage(), uri, errors);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // The JSON reader reports some malformed bodies as a bare 400 with the parser's exception as the cause.
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return invalidField(duplicate, DUPLICATE, uri);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse, uri);
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return wrongType(mismatch, uri);
            }
            if (cause instanceof JsonMappingException mapping) {
                return badMapping(mapping, uri);
            }
            if (cause instanceof JsonProcessingException json) {
                return badJson(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return respond(status, slug, title, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String bodyFault = bodyFault(e);
        if (bodyFault != null) {
            // The client's fault, found while the framework read the body: one line, no stack trace.
            LOG.debugf("unreadable request body: %s", e);
            return invalidBody(bodyFault, uri);
        }
        LOG.error("unexpected error", e);
        return respond(500, "internal-error", "Internal error",
                "The request could not be completed; the error was logged.", uri, List.of());
    }

    /**
     * Failures of the framework while it reads a request body, before any resource runs: a form with bad
     * percent-encoding or over 1,000 fields, a body whose chunked encoding is malformed or that the client broke off.
     *
     * @param e a failure
     * @return what is wrong with the body, or null when the failure is not one of these
     */
    public static String bodyFault(Throwable e) {
        if (thrownBy(e, "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition")) {
            return "is not a well-formed form (malformed percent-encoding, or more than 1000 fields)";
        }
        if (e instanceof java.io.IOException && thrownBy(e, "org.jboss.resteasy.reactive.server.vertx.VertxInputStream")) {
            return "could not be read (malformed chunked encoding, or the connection broke off)";
        }
        return null;
    }

    private static boolean thrownBy(Throwable e, String className) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(className)) {
                return true;
            }
        }
        return false;
    }

    private static Response invalidBody(String reason, UriInfo uri) {
        return respond(400, "invalid-request", "Invalid request", "body: " + reason, uri,
                List.of(new FieldError("body", reason)));
    }

    private static Response invalidField(String field, String reason, UriInfo uri) {
        return respond(400, "invalid-request", "Invalid request", field + ": " + reason, uri,
                List.of(new FieldError(field, reason)));
    }

    static Response respond(int status, String type, String title, String detail, UriInfo uri, List<FieldError> errors) {
        return respondFor(status, type, title, detail, uri == null ? null : uri.getPath(), errors);
    }

    /**
     * Builds a problem response outside an exception mapper (request filters).
     *
     * @param status HTTP status
     * @param type   problem type slug
     * @param title  summary
     * @param detail what went wrong
     * @param path   the request path, may be null
     * @param errors offending fields
     * @return the response
     */
    public static Response respondFor(int status, String type, String title, String detail, String path,
                                      List<FieldError> errors) {
        if (path != null && isPerspectivePath(path)) {
            // Perspective's client libraries read Google's error shape, not problem details.
            return GoogleError.respond(status, detail, List.of());
        }
        Problem problem = new Problem(TYPE_BASE + type, title, status, detail,
                path == null ? null : "/" + path.replaceFirst("^/", ""), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * @param path a request path, with or without its leading slash
     * @return true for the Perspective-compatible paths, whose errors are in Google's format
     */
    public static boolean isPerspectivePath(String path) {
        return path.startsWith("/v1alpha1/") || path.startsWith("v1alpha1/") || path.equals("/v1alpha1");
    }

    /**
     * @param e a Jackson mapping failure
     * @return the JSON path of the field Jackson choked on, as {@code items[2].text}; {@code body} for the whole body
     */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return type == boolean.class || type == Boolean.class ? "boolean" : "number";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        if (type == java.time.Instant.class) {
            return "ISO-8601 instant such as 2026-11-24T10:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return "object";
    }

    /**
     * Bean Validation paths look like {@code claim.request.siteId} (method, parameter, field); the client knows the
     * field, or the body itself when the parameter is the body ({@code claim.request}).
     */
    static String leaf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        if (parts.length == 2) {
            return "body";
        }
        return parts.length < 2 ? propertyPath : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
}
