package io.moderato.labels;

import java.util.List;

/**
 * What an import did.
 *
 * @param read     data rows read (the header not counted)
 * @param imported rows stored as labels
 * @param skipped  rows not stored
 * @param errors   why rows were skipped, the first {@value #MAX_ERRORS}
 */
public record ImportReport(long read, long imported, long skipped, List<RowError> errors) {

    /** How many row errors a report lists. */
    public static final int MAX_ERRORS = 100;

    /**
     * One skipped row.
     *
     * @param line   the line it starts on
     * @param reason why it was skipped
     */
    public record RowError(long line, String reason) {
    }
}
