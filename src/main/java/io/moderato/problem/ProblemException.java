package io.moderato.problem;

import java.util.List;

/** Thrown to answer with a problem detail; {@link ProblemMappers} turns it into the response. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    /**
     * @param status HTTP status, 4xx or 5xx
     * @param type   short problem type slug, e.g. {@code invalid-request}
     * @param title  short summary
     * @param detail what went wrong
     * @param errors offending fields, may be empty
     */
    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /**
     * A 400 for a request whose fields break the rules.
     *
     * @param errors the offending fields, at least one
     * @return the exception to throw
     */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "invalid-request", "Invalid request", detail, errors);
    }

    /**
     * @param field  the offending field
     * @param reason what is wrong
     * @return a 400 for one field
     */
    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    /**
     * @param detail what was not found
     * @return a 404
     */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    /**
     * @param detail what conflicts
     * @return a 409
     */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the problem type slug */
    public String type() {
        return type;
    }

    /** @return the summary */
    public String title() {
        return title;
    }

    /** @return the offending fields */
    public List<FieldError> errors() {
        return errors;
    }
}
