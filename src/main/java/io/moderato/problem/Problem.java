package io.moderato.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 7807 problem detail.
 *
 * @param type     a URI naming the kind of problem
 * @param title    a short summary of the kind of problem
 * @param status   the HTTP status
 * @param detail   what went wrong this time
 * @param instance the request path
 * @param errors   the offending fields, when the request itself was at fault
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
