package io.moderato.classification;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.moderato.embedding.EncoderIdentity;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A trained, versioned set of models with the manifest that says how to read them: the word family (always), the
 * encoder family (when the bundle was trained with an encoder) and the combiner that turns their opinions into one
 * calibrated verdict, and for a site's bundle the calibration of that verdict to the site's own labels. Immutable and thread-safe once loaded.
 *
 * @param directory where the bundle was loaded from, or null before it is saved
 * @param manifest  the bundle's manifest
 * @param word      the word family
 * @param encoder   the encoder family, or null for a word-only bundle
 * @param combiner  calibration and combination of the families
 * @param calibration a site's bundle: the calibration of its scores to the site's labels, applied before they are
 *                  served (null: served as the combiner scores them)
 */
public record ModelBundle(Path directory, BundleManifest manifest, WordModel word, EncoderModel encoder,
                          ScoreCombiner combiner, SiteCalibration calibration) {

    /** The JSON mapper for manifests and reports. */
    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Attribute keys in {@link Attribute} order: the label names of the attribute model. */
    public static final List<String> ATTRIBUTE_LABELS = Arrays.stream(Attribute.values()).map(Attribute::key).toList();
    /** Topic codes in {@link Topic} order: the label names of the topic model. */
    public static final List<String> TOPIC_LABELS = Arrays.stream(Topic.values()).map(Topic::code).toList();

    /**
     * A bundle without a site calibration.
     *
     * @param directory where the bundle was loaded from, or null before it is saved
     * @param manifest  the bundle's manifest
     * @param word      the word family
     * @param encoder   the encoder family, or null for a word-only bundle
     * @param combiner  calibration and combination of the families
     */
    public ModelBundle(Path directory, BundleManifest manifest, WordModel word, EncoderModel encoder,
                       ScoreCombiner combiner) {
        this(directory, manifest, word, encoder, combiner, null);
    }

    /** @return the bundle's version */
    public String version() {
        return manifest.version();
    }

    /** @return true when the bundle has an encoder family (and so a full mode) */
    public boolean hasEncoder() {
        return encoder != null;
    }

    /**
     * @param attribute an attribute
     * @return the full-mode score at or above which the attribute counts as present, on the scale served
     */
    public double threshold(Attribute attribute) {
        return threshold(attribute, ScoringMode.FULL);
    }

    /**
     * The manifest's threshold (the best F1 on the validation split), mapped through the site calibration when the
     * bundle has one, so that it reads on the same scale as the scores served (the calibration is monotone: a score
     * at or above the threshold stays at or above it).
     *
     * @param attribute an attribute
     * @param mode      the scoring mode
     * @return the served score at or above which the attribute counts as present in that mode
     */
    public double threshold(Attribute attribute, ScoringMode mode) {
        ScoringMode effective = mode == ScoringMode.FAST || !hasEncoder() ? ScoringMode.FAST : ScoringMode.FULL;
        double raw = (effective == ScoringMode.FAST ? manifest.fastAttributeThresholds() : manifest.attributeThresholds())
                .getOrDefault(attribute.key(), 0.5);
        ScoreCalibration map = calibration == null ? null : calibration.of(attribute, effective);
        return map == null ? raw : map.apply(raw);
    }

    /**
     * @param calibration the site calibration to serve with (null: none)
     * @return this bundle with it
     */
    public ModelBundle withCalibration(SiteCalibration calibration) {
        return new ModelBundle(directory, manifest, word, encoder, combiner, calibration);
    }

    /**
     * @param topic a topic
     * @return the score at or above which the topic is tagged
     */
    public double threshold(Topic topic) {
        return manifest.topicThresholds().getOrDefault(topic.code(), 0.5);
    }

    /**
     * @param directory where the bundle now lives
     * @return this bundle, located there
     */
    public ModelBundle at(Path directory) {
        return new ModelBundle(directory, manifest, word, encoder, combiner, calibration);
    }

    /**
     * Reads a bundle written by the trainer.
     *
     * @param directory the bundle's directory
     * @param available the encoder this service runs, or null when it runs none (the bundle then serves its
     *                  fast mode only); a bundle trained on another encoder is refused
     * @return the loaded bundle
     * @throws IOException when a file is missing or unreadable, is not what a bundle holds, or the bundle needs
     *                     another encoder
     */
    public static ModelBundle load(Path directory, EncoderIdentity available) throws IOException {
        BundleManifest manifest = JSON.readValue(directory.resolve(BundleFiles.MANIFEST).toFile(), BundleManifest.class);
        if (manifest.lexiconSha256() == null || manifest.fastAttributeThresholds() == null) {
            throw new IOException("bundle " + directory.getFileName() + " was written by an older Moderato (no lexicon"
                    + " copy or calibration): train a new one");
        }
        String lexiconText = Files.readString(directory.resolve(BundleFiles.LEXICON), StandardCharsets.UTF_8);
        Lexicon lexicon = Lexicon.parse(lexiconText);
        if (!lexicon.sha256().equals(manifest.lexiconSha256())) {
            throw new IOException("the lexicon of bundle " + manifest.version() + " does not match its manifest");
        }
        WordModel word = new WordModel(manifest.features(), lexicon,
                LinearModelFile.readForServing(directory.resolve(BundleFiles.ATTRIBUTE_MODEL), ATTRIBUTE_LABELS),
                LinearModelFile.readForServing(directory.resolve(BundleFiles.TOPIC_MODEL), TOPIC_LABELS),
                ScoringSettings.DEFAULT.sentenceMinLength());
        EncoderModel encoder = null;
        if (manifest.encoder() != null && available != null) {
            if (!manifest.encoder().equals(available)) {
                throw new IOException("bundle " + manifest.version() + " was trained on encoder " + manifest.encoder()
                        + " but this service runs " + available);
            }
            List<Model<Label>> heads = TribuoFiles.readLabelModels(directory.resolve(BundleFiles.ENCODER_HEADS));
            int n = Attribute.values().length;
            if (heads.size() != n + 1) {
                throw new IOException("expected " + (n + 1) + " encoder heads, found " + heads.size());
            }
            List<String> names = EncoderModel.featureNames(manifest.encoder().dimensions());
            encoder = new EncoderModel(manifest.encoder(),
                    heads.subList(0, n).stream().map(m -> new BinaryHead(m, names)).toList(),
                    new TopicHead(heads.get(n), names));
        }
        List<Model<Label>> combinerHeads = TribuoFiles.readLabelModels(directory.resolve(BundleFiles.COMBINER));
        int n = Attribute.values().length;
        if (combinerHeads.size() != 2 * n) {
            throw new IOException("expected " + 2 * n + " combiner heads, found " + combinerHeads.size());
        }
        ScoreCombiner combiner = new ScoreCombiner(
                combinerHeads.subList(0, n).stream().map(m -> new BinaryHead(m, ScoreCombiner.STACKED_FEATURES)).toList(),
                combinerHeads.subList(n, 2 * n).stream().map(m -> new BinaryHead(m, ScoreCombiner.WORD_FEATURES)).toList(),
                encoder == null ? 0 : manifest.topicEncoderWeight());
        SiteCalibration calibration = null;
        Path calibrationFile = directory.resolve(BundleFiles.CALIBRATION);
        if (Files.isRegularFile(calibrationFile)) {
            calibration = JSON.readValue(calibrationFile.toFile(), SiteCalibration.class);
            if (!java.util.Objects.equals(calibration.siteId(), manifest.siteId())) {
                throw new IOException("the calibration of bundle " + manifest.version() + " was fitted for site "
                        + calibration.siteId() + ", the bundle is for " + manifest.siteId());
            }
        }
        return new ModelBundle(directory, manifest, word, encoder, combiner, calibration);
    }
}
