package io.moderato.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while a request is checked, then refuses it with all of them at once. */
public final class RequestChecks {

    private final List<FieldError> errors = new ArrayList<>();

    /**
     * @param condition when false, the field is reported
     * @param field     the field's JSON path
     * @param reason    what is wrong when the condition fails
     * @return the condition, to chain dependent checks
     */
    public boolean require(boolean condition, String field, String reason) {
        if (!condition) {
            errors.add(new FieldError(field, reason));
        }
        return condition;
    }

    /**
     * Checks a required text field.
     *
     * @param value     the value
     * @param field     the field's JSON path
     * @param maxLength longest accepted value, in chars
     * @return true when the value is present, not blank and short enough
     */
    public boolean requireText(String value, String field, int maxLength) {
        return require(value != null, field, "is required")
                && require(!value.isBlank(), field, "must not be blank")
                && require(value.length() <= maxLength, field, "must be at most " + maxLength + " characters, was " + value.length());
    }

    /**
     * Checks an optional text field.
     *
     * @param value     the value, may be null
     * @param field     the field's JSON path
     * @param maxLength longest accepted value, in chars
     * @return true when absent or short enough
     */
    public boolean optionalText(String value, String field, int maxLength) {
        return value == null || require(value.length() <= maxLength, field, "must be at most " + maxLength + " characters, was " + value.length());
    }

    /** @throws ProblemException with every error found, if any */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
