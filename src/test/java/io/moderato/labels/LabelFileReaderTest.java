package io.moderato.labels;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.classification.Attribute;
import io.moderato.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelFileReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(long line, String text, Map<Attribute, Double> labels) {
    }

    static final class Collected implements LabelFileReader.Rows {
        final List<Row> rows = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        @Override
        public void row(long line, String text, Map<Attribute, Double> labels) {
            rows.add(new Row(line, text, labels));
        }

        @Override
        public void skipped(long line, String reason) {
            skipped.add(line + ": " + reason);
        }
    }

    private static Collected read(String mapping, String file) throws IOException {
        Collected collected = new Collected();
        new LabelFileReader(ImportMapping.parse(JSON.readTree(mapping)), 100).read(new StringReader(file), collected);
        return collected;
    }

    @Test
    void tsvIsSplitOnTabsWithoutQuoteProcessingAndPositiveValuesMapToOne() throws IOException {
        Collected c = read("{\"format\": \"tsv\", \"text\": \"tweet\", \"labels\": {\"toxicity\": {\"column\": \"subtask_a\", "
                        + "\"positive\": [\"OFF\"]}}}",
                "id\ttweet\tsubtask_a\n1\t\"@USER she said \"\"no\"\"\tOFF\n2\tlovely day\tNOT\n3\t\tOFF\n");
        assertEquals(2, c.rows.size());
        assertEquals("\"@USER she said \"\"no\"\"", c.rows.get(0).text());
        assertEquals(1.0, c.rows.get(0).labels().get(Attribute.TOXICITY));
        assertEquals(0.0, c.rows.get(1).labels().get(Attribute.TOXICITY));
        assertEquals(List.of("4: no text in tweet"), c.skipped);
    }

    @Test
    void csvFollowsRfc4180AcrossLinesAndReportsTheLineARowStartsOn() throws IOException {
        Collected c = read("{\"format\": \"csv\", \"text\": \"comment_text\", \"labels\": {\"toxicity\": {\"column\": \"toxic\"}, "
                        + "\"insult\": {\"column\": \"insult\"}}}",
                "id,comment_text,toxic,insult\r\na,\"first, with a comma\nand a second line\",1,0\r\nb,plain,0.3,0\r\n"
                        + "c,bad label,maybe,0\r\nd,too high,2,0\r\n");
        assertEquals(2, c.rows.size());
        assertEquals("first, with a comma\nand a second line", c.rows.get(0).text());
        assertEquals(2, c.rows.get(0).line());
        assertEquals(4, c.rows.get(1).line());
        assertEquals(0.3, c.rows.get(1).labels().get(Attribute.TOXICITY));
        assertEquals(2, c.skipped.size());
        assertTrue(c.skipped.get(0).startsWith("5: toxic is not a number"), c.skipped.get(0));
        assertTrue(c.skipped.get(1).startsWith("6: toxic must be between 0 and 1"), c.skipped.get(1));
    }

    @Test
    void jsonLinesAreReadOneLineAtATimeAndBrokenLinesAreSkipped() throws IOException {
        Collected c = read("{\"format\": \"jsonl\", \"text\": \"body\", \"labels\": {\"threat\": {\"column\": \"threat\"}}}",
                "{\"body\": \"I will find you\", \"threat\": 1}\n{not json\n[1, 2]\n\n{\"body\": \"hi\", \"threat\": 0}\n"
                        + "{\"body\": \"" + "x".repeat(101) + "\", \"threat\": 0}\n");
        assertEquals(2, c.rows.size());
        assertEquals(5, c.rows.get(1).line());
        assertEquals(3, c.skipped.size());
        assertTrue(c.skipped.get(0).startsWith("2: not JSON"));
        assertEquals("3: not a JSON object", c.skipped.get(1));
        assertEquals("6: text longer than 100 characters", c.skipped.get(2));
    }

    @Test
    void aHeaderWithoutTheMappedColumnsFailsTheWholeFile() {
        IOException e = assertThrows(IOException.class, () -> read(
                "{\"format\": \"csv\", \"text\": \"text\", \"labels\": {\"toxicity\": {\"column\": \"toxic\"}}}", "id,body\n1,x\n"));
        assertTrue(e.getMessage().contains("no column text, toxic"), e.getMessage());
    }

    @Test
    void aMappingIsCheckedFieldByField() throws IOException {
        ProblemException e = assertThrows(ProblemException.class, () -> ImportMapping.parse(JSON.readTree(
                "{\"format\": \"xml\", \"labels\": {\"rudeness\": {\"column\": \"r\"}, \"insult\": {}}}")));
        List<String> fields = e.errors().stream().map(io.moderato.problem.FieldError::field).toList();
        assertEquals(List.of("mapping.format", "mapping.text", "mapping.labels.rudeness", "mapping.labels.insult.column"), fields);
    }

    @Test
    void aMappingRefusesMembersItDoesNotHave() {
        ProblemException e = assertThrows(ProblemException.class, () -> ImportMapping.parse(JSON.readTree(
                "{\"format\": \"tsv\", \"text\": \"t\", \"header\": true, \"labels\": {\"toxicity\": "
                        + "{\"column\": \"y\", \"positve\": [\"OFF\"]}, \"insult\": {\"colum\": \"i\"}}}")));
        assertEquals(List.of(new io.moderato.problem.FieldError("mapping.header", "is not a known field"),
                new io.moderato.problem.FieldError("mapping.labels.toxicity.positve", "is not a known field"),
                new io.moderato.problem.FieldError("mapping.labels.insult.colum", "is not a known field"),
                new io.moderato.problem.FieldError("mapping.labels.insult.column", "is required")), e.errors());
    }

    @Test
    void aRowRunningPastTheBoundFailsTheFileInsteadOfFillingTheHeap() throws IOException {
        // maxTextLength 100: a row may take 16 * 100 + 65,536 characters; a longer text below that is skipped.
        String csv = "{\"format\": \"csv\", \"text\": \"t\", \"labels\": {\"toxicity\": {\"column\": \"y\"}}}";
        Collected skipped = read(csv, "t,y\n\"" + "a".repeat(5_000) + "\",1\nfine,0\n");
        assertEquals(1, skipped.rows.size());
        assertEquals(List.of("2: text longer than 100 characters"), skipped.skipped);

        // An unclosed quote: the CSV reader stops there and reports the rest of the file as unreadable.
        Collected unclosed = read(csv, "t,y\nfine,0\n\"never closed," + "b\n".repeat(100_000));
        assertEquals(1, unclosed.rows.size());
        assertEquals(1, unclosed.skipped.size());
        assertTrue(unclosed.skipped.get(0).startsWith("3: malformed CSV from here on")
                && unclosed.skipped.get(0).contains("runs past"), unclosed.skipped.toString());
        String tsv = "{\"format\": \"tsv\", \"text\": \"t\", \"labels\": {\"toxicity\": {\"column\": \"y\"}}}";
        assertThrows(IOException.class, () -> read(tsv, "t\ty\n" + "c".repeat(200_000) + "\t1\n"));
        String jsonl = "{\"format\": \"jsonl\", \"text\": \"t\", \"labels\": {\"toxicity\": {\"column\": \"y\"}}}";
        assertThrows(IOException.class, () -> read(jsonl, "{\"t\": \"" + "d".repeat(200_000) + "\", \"y\": 1}\n"));
        // Many rows add up to far more than the bound: only one row's length counts.
        Collected many = read(tsv, "t\ty\n" + "ok\t1\n".repeat(50_000));
        assertEquals(50_000, many.rows.size());
    }
}
