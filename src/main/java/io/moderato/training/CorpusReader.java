package io.moderato.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.classification.Attribute;
import io.moderato.classification.BundleManifest;
import io.moderato.classification.Topic;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the project's corpus files ({@code training-data/*.jsonl}, one labelled comment a line; the schema is in
 * {@code training-data/README.md}) and checks every line against the schema: a bad line fails the whole read with
 * its file and line number, so a model is never trained on half a corpus.
 */
public final class CorpusReader {

    /** The corpus file the models are trained on. */
    public static final String TRAIN_FILE = "train.jsonl";
    /** The corpus file kept back for evaluation. */
    public static final String HELD_OUT_FILE = "heldout.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The register of a site's own labelled comments when they join the corpus to train that site's bundle. */
    public static final String SITE_REGISTER = "site";

    /** The registers a comment can be written in (see the corpus README). */
    public static final Set<String> REGISTERS = Set.of("news", "social", "forum", "talk", "chat");
    private static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(List.of("id", "register", "text", "topics"));
        for (Attribute attribute : Attribute.values()) {
            keys.add(attribute.key());
        }
        KEYS = Set.copyOf(keys);
    }

    /**
     * A corpus file's comments and its fingerprint.
     *
     * @param comments the comments in file order, labels as the file gives them (0/1 or a rater fraction)
     * @param file     path, SHA-256 and row count
     */
    public record CorpusFile(List<CorpusComment> comments, BundleManifest.DataFile file) {

        /** @return the comments with attributes at or above 0.5 counted as present */
        public List<LabelledText> labelled() {
            return comments.stream().map(CorpusComment::toLabelled).toList();
        }
    }

    /**
     * One corpus comment.
     *
     * @param id         unique id
     * @param register   where such a comment is posted: news, social, forum, talk or chat ({@link #SITE_REGISTER} for a
     *                   site's own labels)
     * @param text       the comment
     * @param attributes per attribute, 0..1 (1 = present; fractions are the share of raters who saw it)
     * @param topics     one or more topics, most relevant first
     */
    public record CorpusComment(String id, String register, String text, Map<Attribute, Double> attributes,
                                List<Topic> topics) {

        /** @return the comment with its attributes as present/absent */
        public LabelledText toLabelled() {
            Map<Attribute, Boolean> present = new EnumMap<>(Attribute.class);
            attributes.forEach((attribute, value) -> present.put(attribute, value >= 0.5));
            return new LabelledText(id, text, present, new LinkedHashSet<>(topics));
        }
    }

    /**
     * @param file a corpus file
     * @return its comments and fingerprint
     * @throws IOException         when the file cannot be read
     * @throws CorpusFormatException when a line breaks the schema
     */
    public CorpusFile read(Path file) throws IOException {
        List<CorpusComment> comments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                CorpusComment comment = parse(line, file, number);
                if (!ids.add(comment.id())) {
                    throw new CorpusFormatException(file, number, "duplicate id " + comment.id());
                }
                comments.add(comment);
            }
        }
        return new CorpusFile(List.copyOf(comments), new BundleManifest.DataFile(file.toString(), sha256(file), comments.size()));
    }

    private static CorpusComment parse(String line, Path file, int number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CorpusFormatException(file, number, "not JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new CorpusFormatException(file, number, "not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new CorpusFormatException(file, number, "unknown key " + name);
            }
        }
        String id = text(node, "id", file, number);
        String register = text(node, "register", file, number);
        if (!REGISTERS.contains(register)) {
            throw new CorpusFormatException(file, number, "register must be one of " + new java.util.TreeSet<>(REGISTERS));
        }
        String text = text(node, "text", file, number);
        Map<Attribute, Double> attributes = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            JsonNode value = node.get(attribute.key());
            if (value == null || !value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                throw new CorpusFormatException(file, number, attribute.key() + " must be a number in [0,1]");
            }
            attributes.put(attribute, value.asDouble());
        }
        double toxicity = attributes.get(Attribute.TOXICITY);
        for (Attribute implied : List.of(Attribute.SEVERE_TOXICITY, Attribute.INSULT, Attribute.THREAT, Attribute.IDENTITY_ATTACK)) {
            if (attributes.get(implied) > toxicity + 1e-9) {
                // A rater who marks an insult, a threat or an identity attack also marks the comment toxic.
                throw new CorpusFormatException(file, number, implied.key() + " (" + attributes.get(implied)
                        + ") is above toxicity (" + toxicity + "); it implies toxicity");
            }
        }
        JsonNode topicsNode = node.get("topics");
        if (topicsNode == null || !topicsNode.isArray() || topicsNode.isEmpty()) {
            throw new CorpusFormatException(file, number, "topics must be a non-empty array of IPTC codes");
        }
        List<Topic> topics = new ArrayList<>();
        for (JsonNode code : topicsNode) {
            Topic topic = Topic.fromCode(code.asText()).orElseThrow(
                    () -> new CorpusFormatException(file, number, "unknown topic code " + code.asText()));
            if (!topics.contains(topic)) {
                topics.add(topic);
            }
        }
        return new CorpusComment(id, register, text, attributes, List.copyOf(topics));
    }

    private static String text(JsonNode node, String key, Path file, int number) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new CorpusFormatException(file, number, key + " must be a non-blank string");
        }
        return value.asText();
    }

    /**
     * @param file any file
     * @return the hex SHA-256 of its bytes
     * @throws IOException when the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.sha256Hex(in);
        }
    }
}
