package io.moderato.training.datasets;

import io.moderato.classification.Attribute;
import io.moderato.training.LabelledText;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Toxic Spans (ACL 2022) Civil Comments posts with per-annotator typed spans. A post's label for an attribute is the
 * annotators' majority: toxicity when most annotators did not tick "not toxic"; insult, threat, identity attack and
 * profanity when most annotators marked a span of that type (Insult, Threat, Identity based Attack,
 * Profane/Obscene).
 */
public final class ToxicSpansTyped {

    private static final Map<String, Attribute> SPAN_TYPES = Map.of(
            "insult", Attribute.INSULT, "threat", Attribute.THREAT,
            "identity based attack", Attribute.IDENTITY_ATTACK, "profane/obscene", Attribute.PROFANITY);

    /**
     * @param directory the data set's directory, holding comments, annotations and spans
     * @return each post with its majority labels
     * @throws IOException when a file is missing or unreadable
     */
    public List<LabelledText> read(Path directory) throws IOException {
        Map<String, String> annotationToComment = new HashMap<>();
        Map<String, Integer> annotators = new HashMap<>();
        Map<String, Integer> toxicVotes = new HashMap<>();
        try (CSVParser parser = DatasetFiles.open(directory.resolve("annotations.csv.gz"), DatasetFiles.CSV)) {
            for (CSVRecord record : parser) {
                String comment = record.get("comment_id");
                annotationToComment.put(record.get("annotation"), comment);
                annotators.merge(comment, 1, Integer::sum);
                if (!"True".equals(record.get("not toxic"))) {
                    toxicVotes.merge(comment, 1, Integer::sum);
                }
            }
        }
        Map<String, Map<Attribute, Set<String>>> typedVotes = new HashMap<>();
        try (CSVParser parser = DatasetFiles.open(directory.resolve("spans.csv.gz"), DatasetFiles.CSV)) {
            for (CSVRecord record : parser) {
                Attribute attribute = SPAN_TYPES.get(record.get("type").strip().toLowerCase(java.util.Locale.ROOT));
                String comment = annotationToComment.get(record.get("annotation"));
                if (attribute != null && comment != null) {
                    typedVotes.computeIfAbsent(comment, c -> new EnumMap<>(Attribute.class))
                            .computeIfAbsent(attribute, a -> new java.util.HashSet<>()).add(record.get("annotation"));
                }
            }
        }
        List<LabelledText> texts = new ArrayList<>();
        Map<String, String> comments = new LinkedHashMap<>();
        try (CSVParser parser = DatasetFiles.open(directory.resolve("comments.csv.gz"), DatasetFiles.CSV)) {
            for (CSVRecord record : parser) {
                comments.put(record.get("comment_id"), record.get("comment_text"));
            }
        }
        for (Map.Entry<String, String> entry : comments.entrySet()) {
            int voters = annotators.getOrDefault(entry.getKey(), 0);
            if (voters == 0) {
                continue;
            }
            Map<Attribute, Boolean> labels = new EnumMap<>(Attribute.class);
            labels.put(Attribute.TOXICITY, 2 * toxicVotes.getOrDefault(entry.getKey(), 0) > voters);
            Map<Attribute, Set<String>> votes = typedVotes.getOrDefault(entry.getKey(), Map.of());
            for (Attribute attribute : EnumSet.of(Attribute.INSULT, Attribute.THREAT, Attribute.IDENTITY_ATTACK, Attribute.PROFANITY)) {
                labels.put(attribute, 2 * votes.getOrDefault(attribute, Set.of()).size() > voters);
            }
            texts.add(new LabelledText(entry.getKey(), entry.getValue(), labels, Set.of()));
        }
        return texts;
    }
}
