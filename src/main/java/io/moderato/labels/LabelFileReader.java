package io.moderato.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.classification.Attribute;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a labelled file row by row (never the whole file at once, nor a row longer than {@link #maxRowLength()}: such
 * a file fails as unreadable): CSV with commons-csv in RFC 4180 mode, TSV by
 * plain splitting on tabs, JSON lines with Jackson one line at a time. A row that cannot become a label (no text,
 * a text too long, a missing or malformed label) is reported with its line number and skipped; the caller decides
 * what to do with the rows that can.
 */
public final class LabelFileReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the rows go. */
    public interface Rows {

        /**
         * @param line   the line the row starts on (1 = the file's first line)
         * @param text   the comment
         * @param labels its labels
         */
        void row(long line, String text, Map<Attribute, Double> labels);

        /**
         * @param line   the line the row starts on
         * @param reason why it was skipped
         */
        void skipped(long line, String reason);
    }

    private final ImportMapping mapping;
    private final int maxTextLength;

    /**
     * @param mapping       how to read the file
     * @param maxTextLength rows with a longer text are skipped
     */
    public LabelFileReader(ImportMapping mapping, int maxTextLength) {
        this.mapping = mapping;
        this.maxTextLength = maxTextLength;
    }

    /**
     * @param in   the file
     * @param rows told about each row
     * @throws IOException when the file cannot be read, or has no header naming the mapped columns
     */
    public void read(Reader in, Rows rows) throws IOException {
        RowGuard guard = new RowGuard(in, maxRowLength());
        java.io.PushbackReader unread = new java.io.PushbackReader(guard, 1);
        int first = unread.read();
        if (first != -1 && first != '\uFEFF') {
            unread.unread(first);
        }
        in = unread;
        switch (mapping.format()) {
            case CSV -> readCsv(in, guard, rows);
            case TSV -> readTsv(new BufferedReader(in), guard, rows);
            case JSONL -> readJsonLines(new BufferedReader(in), guard, rows);
        }
    }

    /**
     * @return the most characters one row (with its read-ahead) may take: well above a row with the longest
     *         text accepted (a longer text is skipped and reported), far below what would strain the heap
     */
    int maxRowLength() {
        return 16 * maxTextLength + 65_536;
    }

    /**
     * Counts the characters read since the current row began and fails the file when a row runs past a bound: a
     * file with no line breaks, or an unclosed quote, would otherwise be held whole in memory as one row.
     */
    static final class RowGuard extends java.io.FilterReader {

        private final int limit;
        private long count;

        RowGuard(Reader in, int limit) {
            super(in);
            this.limit = limit;
        }

        /** A row ended: count afresh. */
        void rowEnded() {
            count = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            add(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            add(Math.max(n, 0));
            return n;
        }

        private void add(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new IOException("a row runs past " + limit + " characters (no line break, or an unclosed "
                        + "quote?): not a labelled file this import can read");
            }
        }
    }

    private void readCsv(Reader in, RowGuard guard, Rows rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            checkHeader(parser.getHeaderNames());
            long nextLine = parser.getCurrentLineNumber() + 1;
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // A broken quote makes the rest of the file unreadable as CSV: report it, do not guess.
                    rows.skipped(nextLine, "malformed CSV from here on: " + e.getCause().getMessage());
                    break;
                }
                guard.rowEnded();
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                row(line, column -> record.isMapped(column) && record.isSet(column) ? record.get(column) : null, rows);
            }
        }
    }

    private void readTsv(BufferedReader in, RowGuard guard, Rows rows) throws IOException {
        String header = in.readLine();
        guard.rowEnded();
        if (header == null) {
            throw new IOException("the file is empty: a header row naming the columns is required");
        }
        List<String> names = Arrays.asList(header.split("\t", -1));
        checkHeader(names);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i).strip(), i);
        }
        long line = 1;
        String text;
        while ((text = in.readLine()) != null) {
            guard.rowEnded();
            line++;
            if (text.isBlank()) {
                continue;
            }
            String[] cells = text.split("\t", -1);
            row(line, column -> {
                Integer i = index.get(column);
                return i == null || i >= cells.length ? null : cells[i];
            }, rows);
        }
    }

    private void readJsonLines(BufferedReader in, RowGuard guard, Rows rows) throws IOException {
        long line = 0;
        String text;
        while ((text = in.readLine()) != null) {
            guard.rowEnded();
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode object;
            try {
                object = JSON.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                rows.skipped(line, "not JSON: " + e.getOriginalMessage());
                continue;
            }
            if (object == null || !object.isObject()) {
                rows.skipped(line, "not a JSON object");
                continue;
            }
            row(line, field -> {
                JsonNode value = object.get(field);
                return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
            }, rows);
        }
    }

    private void row(long line, Function<String, String> cell, Rows rows) {
        String text = cell.apply(mapping.text());
        if (text == null || text.isBlank()) {
            rows.skipped(line, "no text in " + mapping.text());
            return;
        }
        if (text.length() > maxTextLength) {
            rows.skipped(line, "text longer than " + maxTextLength + " characters");
            return;
        }
        Map<Attribute, Double> labels = new EnumMap<>(Attribute.class);
        for (Attribute attribute : mapping.labels().keySet()) {
            try {
                labels.put(attribute, mapping.label(attribute, cell.apply(mapping.labels().get(attribute).column())));
            } catch (IllegalArgumentException e) {
                rows.skipped(line, e.getMessage());
                return;
            }
        }
        rows.row(line, text, labels);
    }

    private void checkHeader(List<String> names) throws IOException {
        if (mapping.format() == ImportMapping.Format.JSONL) {
            return;
        }
        List<String> stripped = names.stream().map(String::strip).toList();
        List<String> missing = new java.util.ArrayList<>();
        if (!stripped.contains(mapping.text())) {
            missing.add(mapping.text());
        }
        mapping.labels().values().stream().map(ImportMapping.LabelColumn::column)
                .filter(c -> !stripped.contains(c)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new IOException("the header row has no column " + String.join(", ", missing) + " (it has "
                    + String.join(", ", stripped) + ")");
        }
    }
}
