package io.moderato.training;

import io.moderato.classification.BundleFiles;
import io.moderato.classification.BundleManifest;
import io.moderato.classification.Attribute;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.TribuoFiles;
import io.moderato.classification.WordModel;
import org.tribuo.Model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves a trained bundle as {@code <data-dir>/models/<version>/}: every model (Tribuo protobuf, provenance
 * included), the lexicon copy, the manifest, a site bundle's calibration, the evaluation reports and the readable provenance. The directory appears whole or not
 * at all: it is written under a temporary name and renamed.
 */
public final class BundleWriter {

    /**
     * @param dataDir the service's data directory
     * @param bundle  the trained bundle
     * @param reports evaluation reports to keep with it (the held-out split first)
     * @return the bundle's directory
     * @throws IOException when writing fails; nothing half-written is left under the version's name
     */
    public Path write(Path dataDir, ModelBundle bundle, List<EvaluationReport> reports) throws IOException {
        return write(dataDir, bundle, reports, java.util.Map.of());
    }

    /**
     * @param dataDir the service's data directory
     * @param bundle  the trained bundle
     * @param reports evaluation reports to keep with it (the held-out split first); none for a bundle evaluated
     *                later ({@link #addEvaluation}), which then has no evaluation file
     * @param extras  further reports to keep with it, per file name its JSON content (the gate's, the bias report)
     * @return the bundle's directory
     * @throws IOException when writing fails; nothing half-written is left under the version's name
     */
    public Path write(Path dataDir, ModelBundle bundle, List<EvaluationReport> reports,
                      java.util.Map<String, Object> extras) throws IOException {
        Path models = dataDir.resolve(BundleFiles.MODELS_DIR);
        Files.createDirectories(models);
        String version = bundle.version();
        Path target = models.resolve(version);
        if (Files.exists(target)) {
            throw new IOException("a bundle named " + version + " already exists in " + models);
        }
        Path temporary = Files.createTempDirectory(models, ".writing-" + version);
        try {
            BundleManifest manifest = bundle.manifest();
            ModelBundle.JSON.writeValue(temporary.resolve(BundleFiles.MANIFEST).toFile(), manifest);
            WordModel word = bundle.word();
            TribuoFiles.write(word.attributeModel().tribuoModel(), temporary.resolve(BundleFiles.ATTRIBUTE_MODEL));
            TribuoFiles.write(word.topicModel().tribuoModel(), temporary.resolve(BundleFiles.TOPIC_MODEL));
            Files.writeString(temporary.resolve(BundleFiles.LEXICON), word.lexicon().text(), StandardCharsets.UTF_8);
            StringBuilder provenance = new StringBuilder()
                    .append("# Word family: attribute model\n").append(word.attributeModel().tribuoModel().getProvenance())
                    .append("\n\n# Word family: topic model\n").append(word.topicModel().tribuoModel().getProvenance());
            if (bundle.encoder() != null) {
                List<Model<?>> heads = new ArrayList<>();
                bundle.encoder().attributes().forEach(head -> heads.add(head.tribuoModel()));
                heads.add(bundle.encoder().topics().tribuoModel());
                TribuoFiles.writeAll(temporary.resolve(BundleFiles.ENCODER_HEADS), heads);
                for (int a = 0; a < Attribute.values().length; a++) {
                    provenance.append("\n\n# Encoder family: ").append(Attribute.values()[a].key()).append(" head\n")
                            .append(heads.get(a).getProvenance());
                }
                provenance.append("\n\n# Encoder family: topic head\n").append(bundle.encoder().topics().tribuoModel().getProvenance());
            }
            List<Model<?>> combiner = new ArrayList<>();
            bundle.combiner().stacked().forEach(head -> combiner.add(head.tribuoModel()));
            bundle.combiner().wordOnly().forEach(head -> combiner.add(head.tribuoModel()));
            TribuoFiles.writeAll(temporary.resolve(BundleFiles.COMBINER), combiner);
            provenance.append("\n\n# Combiner: toxicity (stacked)\n").append(combiner.get(0).getProvenance()).append('\n');
            if (bundle.calibration() != null) {
                ModelBundle.JSON.writeValue(temporary.resolve(BundleFiles.CALIBRATION).toFile(), bundle.calibration());
            }
            if (!reports.isEmpty()) {
                ModelBundle.JSON.writeValue(temporary.resolve(BundleFiles.EVALUATION).toFile(), reports);
            }
            Files.writeString(temporary.resolve(BundleFiles.PROVENANCE), provenance, StandardCharsets.UTF_8);
            for (java.util.Map.Entry<String, Object> extra : extras.entrySet()) {
                ModelBundle.JSON.writeValue(temporary.resolve(extra.getKey()).toFile(), extra.getValue());
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /**
     * Adds the evaluation to a saved bundle that was served before it was evaluated (a first start's): the reports,
     * further reports, then the manifest with its held-out figures. Each file is written under a temporary name and
     * renamed over the old one, so a reader sees the old file or the new one, never half of one. Nothing the bundle
     * scores with is touched.
     *
     * @param directory the bundle's directory
     * @param manifest  its manifest with the held-out figures
     * @param reports   evaluation reports to keep with it (the held-out split first)
     * @param extras    further reports, per file name its JSON content (the bias report)
     * @throws IOException when writing fails; the files not yet replaced stay as they were
     */
    public void addEvaluation(Path directory, BundleManifest manifest, List<EvaluationReport> reports,
                              java.util.Map<String, Object> extras) throws IOException {
        if (!Files.isRegularFile(directory.resolve(BundleFiles.MANIFEST))) {
            throw new IOException("no model bundle in " + directory);
        }
        replace(directory, BundleFiles.EVALUATION, reports);
        for (java.util.Map.Entry<String, Object> extra : extras.entrySet()) {
            replace(directory, extra.getKey(), extra.getValue());
        }
        replace(directory, BundleFiles.MANIFEST, manifest);
    }

    private static void replace(Path directory, String name, Object json) throws IOException {
        Path temporary = Files.createTempFile(directory, ".writing-" + name, ".tmp");
        try {
            ModelBundle.JSON.writeValue(temporary.toFile(), json);
            Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: a leftover ".writing-" directory is never read as a bundle.
        }
    }
}
