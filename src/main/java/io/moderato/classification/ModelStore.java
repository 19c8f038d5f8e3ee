package io.moderato.classification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model bundles under {@code <data-dir>/models}, one directory each, named by version. Versions start with
 * their UTC creation time, so the newest sorts last. Directories still being written (starting with a dot) and
 * directories without a manifest are not bundles.
 */
public final class ModelStore {

    private final Path models;

    /** @param dataDir the service's data directory */
    public ModelStore(Path dataDir) {
        this.models = dataDir.resolve(BundleFiles.MODELS_DIR);
    }

    /** @return the bundle versions present, oldest first */
    public List<String> versions() {
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(models)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(BundleFiles.MANIFEST)))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the newest bundle's version, if there is any bundle */
    public Optional<String> newest() {
        List<String> versions = versions();
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /**
     * @param version a bundle version
     * @return the loaded bundle
     * @throws IOException when the bundle is missing or broken
     */
    public ModelBundle load(String version) throws IOException {
        if (version.contains("/") || version.contains("\\") || version.startsWith(".")) {
            throw new IOException("not a bundle version: " + version);
        }
        return ModelBundle.load(models.resolve(version));
    }

    /**
     * @param version a bundle version
     * @return the bundle's directory
     */
    public Path directory(String version) {
        return models.resolve(version);
    }
}
