package io.moderato.training.datasets;

import io.moderato.classification.Attribute;
import io.moderato.classification.Topic;
import io.moderato.training.LabelledText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each reader on a small file in its data set's format, quirks included. */
class DatasetReadersTest {

    private static Path gzip(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void jigsawCsvWithQuotesBackslashesAndLineBreaks(@TempDir Path dir) throws IOException {
        Path file = gzip(dir.resolve("train.csv.gz"),
                "\"id\",\"comment_text\",\"toxic\",\"severe_toxic\",\"obscene\",\"threat\",\"insult\",\"identity_hate\"\n"
                        + "\"a\",\"He said \"\"hi\"\"\nthen C:\\path\",0,0,0,0,0,0\n"
                        + "\"b\",\"you idiot\",1,0,1,0,1,0\n");
        List<LabelledText> texts = new JigsawToxicComments().read(file);
        assertEquals(2, texts.size());
        assertEquals("He said \"hi\"\nthen C:\\path", texts.get(0).text());
        assertTrue(texts.get(1).attributes().get(Attribute.INSULT));
        assertTrue(texts.get(1).attributes().get(Attribute.PROFANITY));
        assertFalse(texts.get(1).attributes().get(Attribute.THREAT));
        assertEquals(6, texts.get(0).attributes().size());
    }

    @Test
    void olidTsvWithoutQuoting(@TempDir Path dir) throws IOException {
        Path file = gzip(dir.resolve("olid.tsv.gz"),
                "id\ttweet\tsubtask_a\tsubtask_b\tsubtask_c\r\n"
                        + "1\t@USER \"quoted\" text\tNOT\tNULL\tNULL\r\n"
                        + "2\t@USER you are vile\tOFF\tTIN\tIND\r\n");
        List<LabelledText> texts = new OffensiveLanguageTweets().read(file);
        assertEquals("@USER \"quoted\" text", texts.get(0).text());
        assertFalse(texts.get(0).attributes().get(Attribute.TOXICITY));
        assertTrue(texts.get(1).attributes().get(Attribute.TOXICITY));
    }

    @Test
    void toxicSpansMajorityOfAnnotators(@TempDir Path dir) throws IOException {
        gzip(dir.resolve("comments.csv.gz"), "comment_id,comment_text\n1,you stupid thug\n2,nice article\n");
        gzip(dir.resolve("annotations.csv.gz"), "annotation,comment_id,worker,country,all toxic,not toxic\n"
                + "10,1,w1,US,False,False\n11,1,w2,US,False,False\n12,1,w3,US,False,True\n"
                + "20,2,w1,US,False,True\n21,2,w2,US,False,True\n22,2,w3,US,False,False\n");
        gzip(dir.resolve("spans.csv.gz"), "annotation,type,start,end\n10,Insult,4,10\n11,Insult,4,15\n12,Threat,0,3\n22,Insult,0,4\n");
        List<LabelledText> texts = new ToxicSpansTyped().read(dir);
        assertEquals(2, texts.size());
        assertTrue(texts.get(0).attributes().get(Attribute.TOXICITY));
        assertTrue(texts.get(0).attributes().get(Attribute.INSULT));
        assertFalse(texts.get(0).attributes().get(Attribute.THREAT));
        assertFalse(texts.get(1).attributes().get(Attribute.TOXICITY));
        assertFalse(texts.get(1).attributes().get(Attribute.INSULT));
    }

    @Test
    void bbcSectionsMapToIptcTopics(@TempDir Path dir) throws IOException {
        Path file = gzip(dir.resolve("bbc.csv.gz"), "category,doc_id,title,text\n"
                + "sport,sport/001,Late winner,\"A late goal, then \"\"joy\"\".\"\ntech,tech/002,New phone,Specs.\n");
        List<LabelledText> texts = new BbcNewsArticles().read(file);
        assertEquals(Set.of(Topic.SPORT), texts.get(0).topics());
        assertEquals(Set.of(Topic.SCIENCE_TECHNOLOGY), texts.get(1).topics());
        assertTrue(texts.get(0).text().startsWith("Late winner\n"));
    }

    @Test
    void missingFilesAreReportedClearly(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> new JigsawToxicComments().read(dir.resolve("none.csv.gz")));
        assertTrue(e.getMessage().contains("none.csv.gz"));
    }
}
