package io.moderato.training;

import io.moderato.classification.BundleFiles;
import io.moderato.classification.BundleManifest;
import io.moderato.classification.ModelBundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Saves a trained bundle as {@code <data-dir>/models/<version>/}: both models (Tribuo protobuf, provenance
 * included), the manifest, the evaluation reports and the readable provenance. The directory appears whole or not
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
            bundle.attributes().tribuoModel().serializeToFile(temporary.resolve(BundleFiles.ATTRIBUTE_MODEL));
            bundle.topics().tribuoModel().serializeToFile(temporary.resolve(BundleFiles.TOPIC_MODEL));
            ModelBundle.JSON.writeValue(temporary.resolve(BundleFiles.EVALUATION).toFile(), reports);
            String provenance = "# Attribute model\n" + bundle.attributes().tribuoModel().getProvenance()
                    + "\n\n# Topic model\n" + bundle.topics().tribuoModel().getProvenance() + "\n";
            Files.writeString(temporary.resolve(BundleFiles.PROVENANCE), provenance, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
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
