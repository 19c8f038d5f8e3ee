package io.moderato.training.datasets;

import io.moderato.classification.Topic;
import io.moderato.training.LabelledText;
import io.moderato.training.SpanF1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 20 Newsgroups and SemEval toxic spans readers on small files in their data sets' formats, written here. */
class NewDatasetReadersTest {

    private static final String NEWSGROUPS_HEADER = "label,label_name,doc_id,text\n";

    private static Path gzip(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** One CSV row quoted as in RFC 4180. */
    private static String row(Object... cells) {
        List<String> quoted = new ArrayList<>();
        for (Object cell : cells) {
            quoted.add("\"" + cell.toString().replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted) + "\n";
    }

    private static List<String> sortedGroups() {
        return new ArrayList<>(new TreeSet<>(TwentyNewsgroups.GROUPS.keySet()));
    }

    @Test
    void everyNewsgroupMapsToTopics(@TempDir Path dir) throws IOException {
        List<String> groups = sortedGroups();
        assertEquals(20, groups.size());
        StringBuilder csv = new StringBuilder(NEWSGROUPS_HEADER);
        for (int i = 0; i < groups.size(); i++) {
            csv.append(row(i, groups.get(i), groups.get(i) + "/" + (1000 + i),
                    "From: someone@example.org\nSubject: Post " + i + "\nLines: 1\n\nMade-up body " + i + ".\n"));
        }
        List<LabelledText> texts = new TwentyNewsgroups().read(gzip(dir.resolve("20ng.csv.gz"), csv.toString()));
        assertEquals(20, texts.size());
        for (int i = 0; i < 20; i++) {
            LabelledText text = texts.get(i);
            assertEquals(groups.get(i) + "/" + (1000 + i), text.id());
            assertFalse(text.topics().isEmpty(), groups.get(i));
            assertEquals(TwentyNewsgroups.GROUPS.get(groups.get(i)), text.topics());
            assertEquals("Post " + i + "\nMade-up body " + i + ".", text.text());
        }
        assertEquals(Set.of(Topic.HEALTH), TwentyNewsgroups.GROUPS.get("sci.med"));
        assertEquals(Set.of(Topic.SPORT), TwentyNewsgroups.GROUPS.get("rec.sport.hockey"));
        assertTrue(TwentyNewsgroups.GROUPS.get("talk.politics.mideast").contains(Topic.CONFLICT_WAR_PEACE));
    }

    @Test
    void newsgroupHeadersQuotesAndLineBreaks(@TempDir Path dir) throws IOException {
        String withHeader = "From: a@example.org (A. Person)\nSubject: Re: RE: Which \"best\" bat?\n"
                + "Organization: Example U.\n <folded@continuation>\nLines: 6\n\n"
                + "In article <1@example.org>, b@example.org writes:\n> quoted, \"old\" text\n|> older text\n\n"
                + "I say \"wood\",\n--\nnot metal.\n-- \nA. Person, Example U.\n";
        String truncatedPath = " host1!host2!someone\nSubject: Cut path line\nFrom: c@example.org\n\nBody here.\n";
        String noHeader = "Note: not a header, because\nthis line is prose.\n\nSecond paragraph.\n";
        String headerOnly = "From: d@example.org\nSubject: For sale: 486 board\n";
        String nothing = "From: e@example.org\nLines: 0\n\n   \n";
        Path file = gzip(dir.resolve("20ng.csv.gz"), NEWSGROUPS_HEADER
                + row(9, "rec.sport.baseball", "rec.sport.baseball/1", withHeader)
                + row(0, "alt.atheism", "alt.atheism/2", truncatedPath)
                + row(18, "talk.politics.misc", "talk.politics.misc/3", noHeader)
                + "6,misc.forsale,misc.forsale/4,\"" + headerOnly + "\"\n"
                + row(6, "misc.forsale", "misc.forsale/5", nothing));
        List<LabelledText> texts = new TwentyNewsgroups().read(file);
        assertEquals(4, texts.size(), "the post with no text is skipped");
        assertEquals("Which \"best\" bat?\nI say \"wood\",\n--\nnot metal.", texts.get(0).text(), "only the last delimiter");
        assertEquals("Cut path line\nBody here.", texts.get(1).text());
        assertEquals(noHeader.strip(), texts.get(2).text());
        assertEquals("For sale: 486 board", texts.get(3).text());
        assertEquals(Set.of(Topic.ECONOMY_BUSINESS_FINANCE), texts.get(3).topics());
    }

    @Test
    void newsgroupBodiesAreCutAndSampledEvenly(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(NEWSGROUPS_HEADER);
        csv.append(row(14, "sci.space", "sci.space/0", "Subject: Long\n\n" + "x".repeat(5000)));
        for (int i = 1; i < 10; i++) {
            csv.append(row(14, "sci.space", "sci.space/" + i, "Subject: Short " + i + "\n\nbody\n--"));
        }
        Path file = gzip(dir.resolve("20ng.csv.gz"), csv.toString());
        TwentyNewsgroups reader = new TwentyNewsgroups();
        assertEquals("Long\n" + "x".repeat(TwentyNewsgroups.MAX_CHARS), reader.read(file).get(0).text());
        assertEquals("Short 1\nbody", reader.read(file).get(1).text(), "a signature delimiter at the very end");
        assertEquals(List.of("sci.space/0", "sci.space/2", "sci.space/5", "sci.space/7"),
                reader.read(file, 4).stream().map(LabelledText::id).toList());
        assertEquals(10, reader.read(file, 50).size());
        assertThrows(IllegalArgumentException.class, () -> reader.read(file, 0));
    }

    @Test
    void unknownNewsgroupIsAnError(@TempDir Path dir) throws IOException {
        Path file = gzip(dir.resolve("20ng.csv.gz"), NEWSGROUPS_HEADER + row(0, "alt.unknown", "x/1", "text"));
        IOException e = assertThrows(IOException.class, () -> new TwentyNewsgroups().read(file));
        assertTrue(e.getMessage().contains("alt.unknown"));
    }

    @Test
    void toxicSpansJsonListsQuotesAndLineBreaks(@TempDir Path dir) throws IOException {
        Path file = gzip(dir.resolve("tsd.csv.gz"), "spans,text\n"
                + "\"[4, 5, 6, 7, 8, 9]\",you stupid person\n"
                + "[],\"He said \"\"fine\"\",\nthen left.\"\n"
                + "\"[2,0, 1]\",\"ab, c\"\n");
        List<ToxicSpansSemEval.Post> posts = new ToxicSpansSemEval().read(file);
        assertEquals(3, posts.size());
        assertEquals("you stupid person", posts.get(0).text());
        assertEquals(SpanF1.offsets(4, 10), posts.get(0).spans());
        assertEquals("stupid", posts.get(0).text().substring(posts.get(0).spans().first(), posts.get(0).spans().last() + 1));
        assertEquals("He said \"fine\",\nthen left.", posts.get(1).text());
        assertTrue(posts.get(1).spans().isEmpty());
        assertEquals(List.of(0, 1, 2), List.copyOf(posts.get(2).spans()));
        assertThrows(UnsupportedOperationException.class, () -> posts.get(0).spans().add(1));
    }

    @Test
    void toxicSpansOffsetsAreCodePoints(@TempDir Path dir) throws IOException {
        // "\uD83D\uDE00 ugh": the emoji is code point 0 (chars 0-1), "ugh" code points 2-4 (chars 3-5)
        Path file = gzip(dir.resolve("tsd.csv.gz"), "spans,text\n\"[0, 2, 3, 4]\",\uD83D\uDE00 ugh\n");
        ToxicSpansSemEval.Post post = new ToxicSpansSemEval().read(file).get(0);
        assertEquals(Set.of(0, 1, 3, 4, 5), post.charSpans());
        assertEquals(Set.of(2, 3, 4), post.fromCharOffsets(Set.of(3, 4, 5)));
        assertEquals(Set.of(0), post.fromCharOffsets(Set.of(1)), "the low surrogate is part of code point 0");
        assertEquals(post.spans(), post.fromCharOffsets(post.charSpans()));
        assertThrows(IllegalArgumentException.class, () -> post.fromCharOffsets(Set.of(6)));
    }

    @Test
    void malformedSpansAreErrors(@TempDir Path dir) throws IOException {
        for (String spans : List.of("\"[1, \"\"x\"\"]\"", "\"[1.5]\"", "7", "\"[0, 99]\"", "\"[-1]\"", "\"[1] [2]\"")) {
            Path file = gzip(dir.resolve("bad.csv.gz"), "spans,text\n" + spans + ",short text\n");
            assertThrows(IOException.class, () -> new ToxicSpansSemEval().read(file), spans);
        }
        IOException e = assertThrows(IOException.class, () -> new ToxicSpansSemEval().read(dir.resolve("none.csv.gz")));
        assertTrue(e.getMessage().contains("none.csv.gz"));
    }
}
