package io.moderato.perspective;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal on the Perspective paths, answered in Google's error format. Messages never quote the comment, so an
 * error can be logged or shown without leaking what a {@code doNotStore} client sent.
 */
public class PerspectiveException extends RuntimeException {

    private final int code;
    private final transient List<Map<String, Object>> details;

    /**
     * @param code    HTTP status
     * @param message what went wrong
     * @param details typed details, may be empty
     */
    public PerspectiveException(int code, String message, List<Map<String, Object>> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    /**
     * @param message what is wrong with the request
     * @return a 400 INVALID_ARGUMENT
     */
    public static PerspectiveException invalid(String message) {
        return new PerspectiveException(400, message, List.of());
    }

    /**
     * Perspective's {@code LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE} error.
     *
     * @param attribute the first attribute that does not support the languages
     * @param languages the languages
     * @param requested true when the client named the languages, false when they were detected
     * @return a 400 INVALID_ARGUMENT with the typed detail Perspective clients look for
     */
    public static PerspectiveException languageNotSupported(String attribute, List<String> languages, boolean requested) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(requested ? "requestedLanguages" : "detectedLanguages", languages);
        error.put("attribute", attribute);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("@type", "type.googleapis.com/google.commentanalyzer.v1alpha1.Error");
        detail.put("errorType", "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE");
        detail.put("languageNotSupportedByAttributeError", error);
        return new PerspectiveException(400, "Attribute " + attribute + " does not support request languages: "
                + String.join(",", languages), List.of(detail));
    }

    /** @return the HTTP status */
    public int code() {
        return code;
    }

    /** @return the typed details */
    public List<Map<String, Object>> details() {
        return details;
    }
}
