package io.moderato.classification;

import io.moderato.embedding.EncoderIdentity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model bundles under {@code <data-dir>/models}, one directory each, named by version. Versions start with
 * their UTC creation time, so the newest sorts last. Directories still being written (starting with a dot) and
 * directories without a manifest are not bundles. A file {@value #LIVE_FILE} names the bundle an admin made live
 * (promoted or rolled back to); without it the newest bundle is live.
 */
public final class ModelStore {

    /** The file naming the live bundle. */
    public static final String LIVE_FILE = "LIVE";

    private final Path models;
    private final EncoderIdentity encoder;

    /**
     * @param dataDir the service's data directory
     * @param encoder the encoder this process runs (bundles trained on another are refused), or null for none
     */
    public ModelStore(Path dataDir, EncoderIdentity encoder) {
        this.models = dataDir.resolve(BundleFiles.MODELS_DIR);
        this.encoder = encoder;
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

    /** @return the newest shared bundle's version (bundles trained for one site never serve the others) */
    public Optional<String> newest() {
        List<String> versions = versions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (siteOf(versions.get(i)).isEmpty()) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * @param version a bundle version present in the store
     * @return the site the bundle was trained for, empty for a shared bundle
     */
    public Optional<String> siteOf(String version) {
        try {
            String siteId = ModelBundle.JSON.readTree(directory(version).resolve(BundleFiles.MANIFEST).toFile())
                    .path("siteId").asText(null);
            return Optional.ofNullable(siteId);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the shared bundle an admin made live, else the newest shared bundle */
    public Optional<String> live() {
        Path pointer = models.resolve(LIVE_FILE);
        if (Files.isRegularFile(pointer)) {
            try {
                String version = Files.readString(pointer).strip();
                if (versions().contains(version)) {
                    return Optional.of(version);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return newest();
    }

    /**
     * Makes a bundle the live one for this and every later start (written atomically).
     *
     * @param version a bundle version present in the store
     * @throws IOException when it is not in the store or the pointer cannot be written
     */
    public void setLive(String version) throws IOException {
        if (!versions().contains(version)) {
            throw new IOException("no bundle " + version + " in " + models);
        }
        Path temporary = Files.createTempFile(models, ".live", ".tmp");
        Files.writeString(temporary, version + "\n");
        Files.move(temporary, models.resolve(LIVE_FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
        return ModelBundle.load(models.resolve(version), encoder);
    }

    /**
     * @param version a bundle version
     * @return the bundle's directory
     */
    public Path directory(String version) {
        return models.resolve(version);
    }
}
