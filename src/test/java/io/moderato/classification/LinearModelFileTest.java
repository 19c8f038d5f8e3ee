package io.moderato.classification;

import io.moderato.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.protos.core.ModelProto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a word model's file straight from its messages gives, weight for weight, the model Tribuo's own reading
 * gives; a file it does not know is left to Tribuo, and a broken one is refused.
 */
class LinearModelFileTest {

    @Test
    void bothWordModelsReadAsTribuoReadsThem(@TempDir Path directory) throws IOException {
        WordModel word = TestModels.small().word();
        check(word.attributeModel(), ModelBundle.ATTRIBUTE_LABELS, directory.resolve("attributes.tribuo"));
        // Labels in another order than the model's rows: each row follows its label.
        List<String> reversed = new ArrayList<>(ModelBundle.TOPIC_LABELS);
        Collections.reverse(reversed);
        check(word.topicModel(), reversed, directory.resolve("topics.tribuo"));
    }

    private static void check(LinearMultiLabelModel trained, List<String> labels, Path file) throws IOException {
        TribuoFiles.write(trained.tribuoModel(), file);
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(file));
        assertNotNull(LinearModelFile.direct(proto, labels), "read from its messages, not by Tribuo");
        LinearMultiLabelModel viaTribuo = LinearMultiLabelModel.forServing(trained.tribuoModel(), labels);
        assertTrue(LinearModelFile.readForServing(file, labels).sameWeightsAs(viaTribuo));
        List<String> reversed = new ArrayList<>(labels);
        Collections.reverse(reversed);
        assertFalse(LinearModelFile.readForServing(file, labels).sameWeightsAs(
                LinearMultiLabelModel.forServing(trained.tribuoModel(), reversed)), "the comparison can fail");
    }

    @Test
    void aModelOfAnotherClassOrVersionIsLeftToTribuo(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("attributes.tribuo");
        TribuoFiles.write(TestModels.small().word().attributeModel().tribuoModel(), file);
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(file));
        assertNull(LinearModelFile.direct(proto.toBuilder().setVersion(1).build(), ModelBundle.ATTRIBUTE_LABELS));
        assertNull(LinearModelFile.direct(proto.toBuilder().setClassName("org.example.OtherModel").build(),
                ModelBundle.ATTRIBUTE_LABELS));
    }

    @Test
    void brokenFilesAndUnknownLabelsAreRefused(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("attributes.tribuo");
        TribuoFiles.write(TestModels.small().word().attributeModel().tribuoModel(), file);
        IOException unknown = assertThrows(IOException.class,
                () -> LinearModelFile.readForServing(file, List.of("toxicity", "no-such-label")));
        assertTrue(unknown.getMessage().contains("no-such-label"), unknown.getMessage());

        Path truncated = directory.resolve("truncated.tribuo");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(IOException.class, () -> LinearModelFile.readForServing(truncated, ModelBundle.ATTRIBUTE_LABELS));
        assertThrows(IOException.class, () -> LinearModelFile.readForServing(directory.resolve("missing.tribuo"),
                ModelBundle.ATTRIBUTE_LABELS));
    }
}
