package io.moderato.review;

import io.moderato.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a queue: the sort key and id of the last item seen. Because every order ends with the comment's id,
 * pages never skip or repeat an item, even while comments arrive or leave.
 *
 * @param sort  the order the cursor belongs to
 * @param key   the last item's sort key (score, or arrival time in epoch microseconds)
 * @param id    the last item's database id
 */
public record QueueCursor(QueueSort sort, double key, long id) {

    /** @return the opaque form handed to clients */
    public String encode() {
        String raw = sort.name() + "|" + (sort == QueueSort.TIME ? Long.toString((long) key) : Double.toString(key)) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param value a cursor from a client
     * @param sort  the order requested
     * @return the cursor
     * @throws ProblemException 400 when it is not a cursor of this order
     */
    public static QueueCursor decode(String value, QueueSort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
            QueueSort cursorSort = QueueSort.valueOf(parts[0]);
            if (cursorSort != sort || parts.length != 3) {
                throw ProblemException.invalid("cursor", "belongs to another sort order");
            }
            return new QueueCursor(sort, Double.parseDouble(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.invalid("cursor", "is not a cursor from this API");
        }
    }
}
