package io.moderato.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Collects field errors while a request is checked, then refuses it with all of them at once. */
public final class RequestChecks {

    /** The reason for a JSON member the request's type does not have, wherever such a member is refused. */
    public static final String UNKNOWN_FIELD = "is not a known field";

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

    /**
     * Reads an optional ISO-8601 instant.
     *
     * @param value the value, may be null
     * @param field the field's name
     * @return the instant, or null when absent or malformed (then the field is reported)
     */
    public Instant optionalInstant(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            require(false, field, "must be an ISO-8601 instant such as 2026-11-24T10:00:00Z");
            return null;
        }
    }

    /**
     * Reads an optional whole number from a query parameter (taken as text, so that {@code abc} or {@code 1e3} is
     * refused with 400 here instead of the framework's 404).
     *
     * @param value    the parameter, may be null
     * @param field    its name
     * @param min      smallest accepted value
     * @param max      largest accepted value
     * @param fallback the value when absent
     * @return the number; the fallback when absent or invalid (then the field is reported)
     */
    public int optionalInt(String value, String field, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (require(parsed >= min && parsed <= max, field, "must be within " + min + ".." + max)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            require(false, field, "must be a whole number within " + min + ".." + max);
        }
        return fallback;
    }

    /**
     * Reports each query parameter the endpoint does not know ({@code is not a known parameter}, as an unknown JSON
     * field is {@code is not a known field}) and each one it reads once given more than once: where a misspelt or
     * repeated parameter would be dropped silently and change what is done (a misspelt filter widening a deletion).
     * Parameters read as lists may be given any number of times. Names are compared exactly, as JSON fields are,
     * although the HTTP layer hands {@code @QueryParam} a name in any case.
     *
     * @param given      the request's query parameters, e.g. {@code UriInfo.getQueryParameters()}; reported in name order
     * @param single     the parameters the endpoint reads once
     * @param repeatable the parameters it reads as lists
     */
    public void onlyKnownParameters(Map<String, ? extends List<String>> given, Set<String> single, Set<String> repeatable) {
        // In name order, so that a request with several refused parameters always gets the same answer.
        for (Map.Entry<String, ? extends List<String>> parameter : new TreeMap<>(given).entrySet()) {
            String name = parameter.getKey();
            if (require(single.contains(name) || repeatable.contains(name), name, "is not a known parameter")
                    && !repeatable.contains(name)) {
                require(parameter.getValue() == null || parameter.getValue().size() <= 1, name, "is given more than once");
            }
        }
    }

    /** @throws ProblemException with every error found, if any */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
