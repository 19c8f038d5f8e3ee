package io.moderato.training.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * SemEval-2021 Task 5 "Toxic Spans Detection" (Pavlopoulos et al., 2021; Civil Comments posts already judged toxic),
 * {@code tsd_train.csv.gz} or {@code tsd_trial.csv.gz}: CSV with header {@code spans,text}, where {@code spans} is a
 * JSON list of the character offsets raters marked toxic ({@code []} when none). Scored with
 * {@link io.moderato.training.SpanF1}.
 *
 * <p>The offsets are those of the task's Python tooling, i.e. Unicode code point indices. They equal Java
 * {@code char} indices unless the text holds characters outside the Basic Multilingual Plane (emoji; 19 of the 7,939
 * training posts); {@link Post#charSpans()} and {@link Post#fromCharOffsets(Set)} convert between the two.
 */
public final class ToxicSpansSemEval {

    /** Strict: no floats, nulls or trailing text in a spans cell. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * One post and its gold toxic offsets.
     *
     * @param text  the comment
     * @param spans the code point offsets marked toxic, empty when none; stored as an unmodifiable sorted copy
     */
    public record Post(String text, SortedSet<Integer> spans) {

        /**
         * @param text  the comment
         * @param spans the code point offsets marked toxic, empty when none
         */
        public Post {
            spans = Collections.unmodifiableSortedSet(new TreeSet<>(spans));
        }

        /**
         * @return the gold offsets as Java {@code char} (UTF-16) indices into {@link #text()}: a code point outside
         *         the Basic Multilingual Plane gives both of its chars
         */
        public SortedSet<Integer> charSpans() {
            TreeSet<Integer> chars = new TreeSet<>();
            for (int offset : spans) {
                int index = text.offsetByCodePoints(0, offset);
                chars.add(index);
                if (Character.isHighSurrogate(text.charAt(index)) && index + 1 < text.length()) {
                    chars.add(index + 1);
                }
            }
            return Collections.unmodifiableSortedSet(chars);
        }

        /**
         * Converts a prediction made on Java {@code char} indices into the data set's code point offsets, so that it
         * can be compared with {@link #spans()}.
         *
         * @param charOffsets offsets into {@link #text()} as {@code char} indices, each in {@code [0, length)}
         * @return the code point offsets they fall in (both halves of a surrogate pair give its code point)
         * @throws IllegalArgumentException when an offset is outside the text
         */
        public SortedSet<Integer> fromCharOffsets(Set<Integer> charOffsets) {
            TreeSet<Integer> offsets = new TreeSet<>();
            for (int index : charOffsets) {
                if (index < 0 || index >= text.length()) {
                    throw new IllegalArgumentException("char offset " + index + " outside a text of " + text.length());
                }
                boolean secondHalf = index > 0 && Character.isLowSurrogate(text.charAt(index))
                        && Character.isHighSurrogate(text.charAt(index - 1));
                offsets.add(text.codePointCount(0, secondHalf ? index - 1 : index));
            }
            return Collections.unmodifiableSortedSet(offsets);
        }
    }

    /**
     * @param file the data set's {@code tsd_train.csv.gz} (or {@code tsd_trial.csv.gz})
     * @return its posts in file order
     * @throws IOException when the file is missing or unreadable, a spans cell is not a JSON list of integers, or
     *                     an offset falls outside its text
     */
    public List<Post> read(Path file) throws IOException {
        List<Post> posts = new ArrayList<>();
        try (CSVParser parser = DatasetFiles.open(file, DatasetFiles.CSV)) {
            for (CSVRecord record : parser) {
                String text = record.get("text");
                int[] offsets;
                try {
                    offsets = JSON.readValue(record.get("spans"), int[].class);
                } catch (JsonProcessingException e) {
                    throw new IOException("spans are not a JSON list of integers in record " + record.getRecordNumber()
                            + " of " + file + ": " + e.getOriginalMessage(), e);
                }
                if (offsets == null) {
                    throw new IOException("missing spans in record " + record.getRecordNumber() + " of " + file);
                }
                int length = text.codePointCount(0, text.length());
                TreeSet<Integer> spans = new TreeSet<>();
                for (int offset : offsets) {
                    if (offset < 0 || offset >= length) {
                        throw new IOException("offset " + offset + " outside a text of " + length + " characters in record "
                                + record.getRecordNumber() + " of " + file);
                    }
                    spans.add(offset);
                }
                posts.add(new Post(text, spans));
            }
        }
        return posts;
    }
}
