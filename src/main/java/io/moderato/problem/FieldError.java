package io.moderato.problem;

/**
 * One reason a request was refused.
 *
 * @param field  the JSON path of the offending field, e.g. {@code items[3].text}; {@code body} for the whole body
 * @param reason what is wrong with it
 */
public record FieldError(String field, String reason) {
}
