package io.moderato.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.tribuo.Model;
import org.tribuo.multilabel.MultiLabel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A trained, versioned pair of models (attributes and topics) with the manifest that says how to read them.
 * Immutable and thread-safe once loaded.
 *
 * @param directory  where the bundle was loaded from
 * @param manifest   the bundle's manifest
 * @param attributes the attribute model, labels in {@link Attribute} order
 * @param topics     the topic model, labels in {@link Topic} order
 */
public record ModelBundle(Path directory, BundleManifest manifest, LinearMultiLabelModel attributes,
                          LinearMultiLabelModel topics) {

    /** The JSON mapper for manifests and reports. */
    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();

    /** Attribute keys in {@link Attribute} order: the label names of the attribute model. */
    public static final List<String> ATTRIBUTE_LABELS = Arrays.stream(Attribute.values()).map(Attribute::key).toList();
    /** Topic codes in {@link Topic} order: the label names of the topic model. */
    public static final List<String> TOPIC_LABELS = Arrays.stream(Topic.values()).map(Topic::code).toList();

    /** @return the bundle's version */
    public String version() {
        return manifest.version();
    }

    /**
     * @param attribute an attribute
     * @return the score at or above which the attribute counts as present
     */
    public double threshold(Attribute attribute) {
        return manifest.attributeThresholds().getOrDefault(attribute.key(), 0.5);
    }

    /**
     * @param topic a topic
     * @return the score at or above which the topic is tagged
     */
    public double threshold(Topic topic) {
        return manifest.topicThresholds().getOrDefault(topic.code(), 0.5);
    }

    /**
     * Reads a bundle written by the trainer.
     *
     * @param directory the bundle's directory
     * @return the loaded bundle
     * @throws IOException when a file is missing or unreadable, or is not what a bundle holds
     */
    public static ModelBundle load(Path directory) throws IOException {
        BundleManifest manifest = JSON.readValue(directory.resolve(BundleFiles.MANIFEST).toFile(), BundleManifest.class);
        LinearMultiLabelModel attributes = new LinearMultiLabelModel(
                readModel(directory.resolve(BundleFiles.ATTRIBUTE_MODEL)), ATTRIBUTE_LABELS);
        LinearMultiLabelModel topics = new LinearMultiLabelModel(
                readModel(directory.resolve(BundleFiles.TOPIC_MODEL)), TOPIC_LABELS);
        return new ModelBundle(directory, manifest, attributes, topics);
    }

    private static Model<MultiLabel> readModel(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing model file " + file);
        }
        Model<?> model = Model.deserializeFromFile(file);
        if (!model.validate(MultiLabel.class)) {
            throw new IOException(file + " is not a multi-label model");
        }
        @SuppressWarnings("unchecked")
        Model<MultiLabel> multiLabel = (Model<MultiLabel>) model;
        return multiLabel;
    }
}
