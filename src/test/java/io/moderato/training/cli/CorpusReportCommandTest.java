package io.moderato.training.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusReportCommandTest {

    private static String line(String id, String text, double toxicity) {
        return "{\"id\":\"" + id + "\",\"register\":\"news\",\"text\":\"" + text + "\",\"toxicity\":" + toxicity
                + ",\"severe_toxicity\":0,\"insult\":0,\"threat\":0,\"identity_attack\":0,\"profanity\":0,"
                + "\"sexually_explicit\":0,\"topics\":[\"medtop:11000000\"]}\n";
    }

    private static Path corpus(Path dir) throws IOException {
        Files.writeString(dir.resolve("train.jsonl"), line("a", "I bet you are an idiot", 1) + line("b", "bet on red", 0)
                + line("c", "you idiot, I bet", 1));
        Files.writeString(dir.resolve("heldout.jsonl"), line("d", "what a lovely idiot", 0.9));
        return dir;
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new CorpusReportCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return new String[] {String.valueOf(command.execute(args)), out.toString(), err.toString()};
    }

    @Test
    void listsOrdinaryWordsWithTheirShareAndLeavesOutTheLexiconsAbusiveOnes(@TempDir Path dir) throws IOException {
        String[] result = run("--corpus-dir", corpus(dir).toString(), "--min-comments", "2");

        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("4 comments, toxicity (>= 0.5 of raters) in 3 (75.0%)"), result[1]);
        assertTrue(result[1].matches("(?s).*\\nbet +3 +2 +0\\.67 .*"), result[1]);
        assertFalse(result[1].contains("\nidiot "), result[1]);
    }

    @Test
    void listsTheAbusiveOnesTooWhenAskedAndOnlyTheWordsAskedFor(@TempDir Path dir) throws IOException {
        String[] all = run("--corpus-dir", corpus(dir).toString(), "--min-comments", "2", "--all-words");
        assertTrue(all[1].matches("(?s).*\\nidiot +3 +3 +1\\.00 .*insult.*"), all[1]);

        String[] asked = run("--corpus-dir", dir.toString(), "--words", "lovely,B3T");
        assertTrue(asked[1].contains("\nlovely "), asked[1]);
        assertTrue(asked[1].contains("\nbet "), asked[1]);
        assertFalse(asked[1].contains("\nred "), asked[1]);
    }

    @Test
    void anUnknownAttributeIsAUsageError(@TempDir Path dir) throws IOException {
        String[] result = run("--corpus-dir", corpus(dir).toString(), "--attribute", "rudeness");

        assertEquals("2", result[0]);
        assertTrue(result[2].contains("--attribute: unknown attribute 'rudeness'"), result[2]);
    }
}
