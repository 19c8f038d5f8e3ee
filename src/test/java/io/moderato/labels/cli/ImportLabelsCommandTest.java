package io.moderato.labels.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import command checks its mapping as the service does, before it uploads anything. */
class ImportLabelsCommandTest {

    @Test
    void aMisspeltMappingKeyIsRefusedBeforeTheUpload(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("labels.tsv"), "id\ttweet\tsubtask_a\n1\tyou clown\tOFF\n");
        String mapping = "{\"format\": \"tsv\", \"text\": \"tweet\", \"labels\": {\"toxicity\": {\"column\": \"subtask_a\", "
                + "\"positve\": [\"OFF\"]}}}";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        int exit;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            // Nothing listens on port 1: an upload would fail to connect (exit 1).
            exit = new CommandLine(new ImportLabelsCommand()).execute("--url", "http://127.0.0.1:1", "--key", "k",
                    "--site", "s", "--file", file.toString(), "--mapping", mapping);
        } finally {
            System.setErr(stderr);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, printed);
        assertTrue(printed.contains("mapping.labels.toxicity.positve: is not a known field"), printed);
    }
}
