package io.moderato.training.datasets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening the public data sets' (gzip-compressed) CSV and TSV files. */
final class DatasetFiles {

    /** RFC 4180 with a header row: comments hold quotes, backslashes and line breaks. */
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    /** Tab-separated, no quoting at all (OLID). */
    static final CSVFormat TSV_UNQUOTED = CSVFormat.TDF.builder().setQuote(null).setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(false).setTrim(false).build();

    private DatasetFiles() {
    }

    static CSVParser open(Path file, CSVFormat format) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("data set file not found: " + file);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
        return CSVParser.parse(reader, format);
    }
}
