package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusReaderTest {

    private static final String GOOD = "{\"id\":\"a1\",\"register\":\"news\",\"text\":\"You \\\"idiot\\\"\\nline two\",\"toxicity\":1,\"severe_toxicity\":0,"
            + "\"insult\":1,\"threat\":0,\"identity_attack\":0,\"profanity\":0,\"sexually_explicit\":0.33,\"topics\":[\"medtop:11000000\"]}";

    @Test
    void readsCommentsAndFingerprintsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.jsonl");
        Files.writeString(file, GOOD + "\n\n");
        CorpusReader.CorpusFile corpus = new CorpusReader().read(file);
        assertEquals(1, corpus.comments().size());
        CorpusReader.CorpusComment c = corpus.comments().get(0);
        assertEquals("You \"idiot\"\nline two", c.text());
        assertEquals(0.33, c.attributes().get(Attribute.SEXUALLY_EXPLICIT));
        assertEquals(List.of(Topic.POLITICS), c.topics());
        assertEquals(64, corpus.file().sha256().length());
        assertEquals(CorpusReader.sha256(file), corpus.file().sha256());
        LabelledText labelled = corpus.labelled().get(0);
        assertTrue(labelled.attributes().get(Attribute.INSULT));
        assertTrue(!labelled.attributes().get(Attribute.SEXUALLY_EXPLICIT));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[1,2]",
            "{\"id\":\"a1\",\"register\":\"news\",\"text\":\"x\"}",
            "{\"id\":\"a1\",\"register\":\"blog\",\"text\":\"x\",\"toxicity\":1,\"severe_toxicity\":0,\"insult\":1,\"threat\":0,\"identity_attack\":0,\"profanity\":0,\"sexually_explicit\":0,\"topics\":[\"medtop:11000000\"]}",
            "{\"id\":\"a1\",\"text\":\"x\",\"toxicity\":1,\"severe_toxicity\":0,\"insult\":1,\"threat\":0,\"identity_attack\":0,\"profanity\":0,\"sexually_explicit\":0,\"topics\":[\"medtop:11000000\"]}",
            "{\"id\":\"a1\",\"register\":\"news\",\"text\":\"x\",\"toxicity\":0.3,\"severe_toxicity\":0,\"insult\":0.4,\"threat\":0,\"identity_attack\":0,\"profanity\":0,\"sexually_explicit\":0,\"topics\":[\"medtop:11000000\"]}",
            "{\"id\":\"a1\",\"register\":\"news\",\"text\":\" \",\"toxicity\":1,\"severe_toxicity\":0,\"insult\":1,\"threat\":0,\"identity_attack\":0,\"profanity\":0,\"sexually_explicit\":0,\"topics\":[\"medtop:11000000\"]}",
            "{\"id\":\"a1\",\"register\":\"news\",\"text\":\"x\",\"toxicity\":2,\"severe_toxicity\":0,\"insult\":1,\"threat\":0,\"identity_attack\":0,\"profanity\":0,\"sexually_explicit\":0,\"topics\":[\"medtop:11000000\"]}",
            "{\"id\":\"a1\",\"register\":\"news\",\"text\":\"x\",\"toxicity\":0,\"severe_toxicity\":0,\"insult\":1,\"threat\":0,\"identity_attack\":0,\"profanity\":0,\"sexually_explicit\":0,\"topics\":[\"medtop:11000000\"]}",
            "{\"id\":\"a1\",\"register\":\"news\",\"text\":\"x\",\"toxicity\":1,\"severe_toxicity\":0,\"insult\":1,\"threat\":0,\"identity_attack\":0,\"profanity\":0,\"sexually_explicit\":0,\"topics\":[\"medtop:99000000\"]}",
            "{\"id\":\"a1\",\"register\":\"news\",\"text\":\"x\",\"toxicity\":1,\"severe_toxicity\":0,\"insult\":1,\"threat\":0,\"identity_attack\":0,\"profanity\":0,\"sexually_explicit\":0,\"topics\":[]}",
            "{\"id\":\"a1\",\"register\":\"news\",\"text\":\"x\",\"toxicity\":1,\"severe_toxicity\":0,\"insult\":1,\"threat\":0,\"identity_attack\":0,\"profanity\":0,\"sexually_explicit\":0,\"topics\":[\"medtop:11000000\"],\"extra\":1}"})
    void refusesLinesThatBreakTheSchema(String line, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.jsonl");
        Files.writeString(file, GOOD + "\n" + line + "\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> new CorpusReader().read(file));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
    }

    @Test
    void refusesDuplicateIds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.jsonl");
        Files.writeString(file, GOOD + "\n" + GOOD + "\n");
        assertThrows(CorpusFormatException.class, () -> new CorpusReader().read(file));
    }
}
