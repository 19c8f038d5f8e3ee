package io.moderato.training.datasets;

import io.moderato.classification.Attribute;
import io.moderato.training.LabelledText;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OLID / OffensEval 2019 tweets, {@code olid-training-v1.0.tsv.gz}: subtask A's OFF (offensive) is read as toxicity.
 * The file is tab-separated with no quoting.
 */
public final class OffensiveLanguageTweets {

    /**
     * @param file the data set's TSV file
     * @return its tweets, each labelled for toxicity only
     * @throws IOException when the file is missing or unreadable
     */
    public List<LabelledText> read(Path file) throws IOException {
        List<LabelledText> texts = new ArrayList<>();
        try (CSVParser parser = DatasetFiles.open(file, DatasetFiles.TSV_UNQUOTED)) {
            for (CSVRecord record : parser) {
                boolean offensive = "OFF".equals(record.get("subtask_a").strip());
                texts.add(new LabelledText(record.get("id"), record.get("tweet"), Map.of(Attribute.TOXICITY, offensive), Set.of()));
            }
        }
        return texts;
    }
}
