package io.moderato.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * An error in Google's JSON API format, {@code {"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT"}}},
 * answered on the Perspective-compatible paths ({@code /v1alpha1/...}) instead of a problem detail, because
 * Perspective's client libraries read that shape.
 *
 * @param error the error
 */
public record GoogleError(Body error) {

    /**
     * @param code    the HTTP status
     * @param message what went wrong
     * @param status  Google's canonical status name, e.g. {@code INVALID_ARGUMENT}
     * @param details typed details (Perspective's language error), omitted when empty
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Body(int code, String message, String status, List<Map<String, Object>> details) {
    }

    /**
     * @param code an HTTP status
     * @return Google's canonical status name for it
     */
    public static String statusFor(int code) {
        return switch (code) {
            case 400, 413, 415 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "UNIMPLEMENTED";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> code >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }

    /**
     * @param code    HTTP status
     * @param message what went wrong
     * @param details typed details, may be empty
     * @return the response, {@code application/json}
     */
    public static Response respond(int code, String message, List<Map<String, Object>> details) {
        return Response.status(code).type(MediaType.APPLICATION_JSON)
                .entity(new GoogleError(new Body(code, message, statusFor(code), details))).build();
    }
}
