package io.moderato.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
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
        return invalidBody("malformed JSON: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return invalidField(path(e), "is not a known field", uri);
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e, UriInfo uri) {
        return invalidField(path(e), "has the wrong type or format (" + e.getTargetType().getSimpleName() + " expected)", uri);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return invalidField(path(e), "has the wrong type (" + expected + " expected)", uri);
    }

    @ServerExceptionMapper
    public Response badMapping(JsonMappingException e, UriInfo uri) {
        return invalidField(path(e), "cannot be read: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return invalidBody("unreadable JSON: " + e.getOriginalMessage(), uri);
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
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse, uri);
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return wrongType(mismatch, uri);
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
        LOG.error("unexpected error", e);
        return respond(500, "internal-error", "Internal error",
                "The request could not be completed; the error was logged.", uri, List.of());
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
        Problem problem = new Problem(TYPE_BASE + type, title, status, detail,
                path == null ? null : "/" + path.replaceFirst("^/", ""), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
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
        return "object";
    }

    /** Bean Validation paths look like {@code classify.request.text}; the client knows the last part. */
    private static String leaf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length <= 2 ? propertyPath : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
}
