package io.moderato.training.datasets;

import io.moderato.classification.Attribute;
import io.moderato.training.LabelledText;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jigsaw Toxic Comment Classification (Wikipedia talk pages), {@code train.csv.gz}. Its six labels map to Moderato's
 * attributes: toxic, severe_toxic, insult, threat, identity_hate (identity attack) and obscene (profanity).
 */
public final class JigsawToxicComments {

    private static final Map<String, Attribute> COLUMNS = Map.of(
            "toxic", Attribute.TOXICITY, "severe_toxic", Attribute.SEVERE_TOXICITY, "obscene", Attribute.PROFANITY,
            "threat", Attribute.THREAT, "insult", Attribute.INSULT, "identity_hate", Attribute.IDENTITY_ATTACK);

    /**
     * @param file the data set's {@code train.csv.gz}
     * @return its comments with their labels
     * @throws IOException when the file is missing or unreadable
     */
    public List<LabelledText> read(Path file) throws IOException {
        List<LabelledText> texts = new ArrayList<>();
        try (CSVParser parser = DatasetFiles.open(file, DatasetFiles.CSV)) {
            for (CSVRecord record : parser) {
                Map<Attribute, Boolean> labels = new EnumMap<>(Attribute.class);
                COLUMNS.forEach((column, attribute) -> labels.put(attribute, "1".equals(record.get(column))));
                texts.add(new LabelledText(record.get("id"), record.get("comment_text"), labels, Set.of()));
            }
        }
        return texts;
    }
}
