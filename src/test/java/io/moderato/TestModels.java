package io.moderato;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moderato.classification.BundleFiles;
import io.moderato.classification.BundleManifest;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.embedding.EncoderSpec;
import io.moderato.embedding.SentenceEncoder;
import io.moderato.training.BundleTrainer;
import io.moderato.training.CorpusReader;
import io.moderato.training.EmbeddingFileCache;
import io.moderato.training.TrainingPipeline;
import io.moderato.training.TrainingProgress;
import io.moderato.training.TrainingSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Model bundles shared by the tests. {@link #full()} is the real bundle trained from the project's corpus with the
 * shipped encoder, saved in the test data directory that the {@code @QuarkusTest}s serve from, so the suite trains
 * it once (the corpus embeddings are cached there too). {@link #small()} is a quick bundle trained in memory from
 * part of the corpus, for tests of mechanics.
 */
public final class TestModels {

    /** The data directory of the test profile (see application.properties). */
    public static final Path DATA_DIR = Path.of("target/test-data");
    /** The project's corpus. */
    public static final Path CORPUS_DIR = Path.of("training-data");

    private static ModelBundle full;
    private static ModelBundle small;
    private static SentenceEncoder encoder;

    private TestModels() {
    }

    /** @return the shipped sentence encoder, made for bulk work, loaded once for the whole test run */
    public static synchronized SentenceEncoder encoder() {
        if (encoder == null) {
            encoder = SentenceEncoder.forBulk(EncoderSpec.E5_SMALL_V2_Q);
        }
        return encoder;
    }

    /** @return a model store of the test data directory, for the shipped encoder */
    public static ModelStore store() {
        return new ModelStore(DATA_DIR, encoder().identity());
    }

    /** @return the bundle trained from the whole corpus with the project's settings */
    public static synchronized ModelBundle full() {
        if (full == null) {
            try {
                ModelStore store = store();
                Optional<String> newest = newestFullBundle(store);
                full = newest.isPresent() ? store.load(newest.get())
                        : new TrainingPipeline(TrainingSettings.DEFAULT).run(CORPUS_DIR, DATA_DIR, encoder(),
                        TrainingProgress.NONE).bundle();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return full;
    }

    private static Optional<String> newestFullBundle(ModelStore store) {
        List<String> versions = store.versions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            try {
                ModelBundle candidate = store.load(versions.get(i));
                if (candidate.manifest().trainingExamples() > 1000 && candidate.manifest().seed() == TrainingSettings.DEFAULT.seed()
                        && candidate.manifest().siteId() == null) {
                    return Optional.of(versions.get(i));
                }
            } catch (IOException e) {
                // Not a bundle of this build (or a test's broken one): train a fresh one.
            }
        }
        return Optional.empty();
    }

    /** @return a bundle trained in memory on every fifth training comment (all parts, all labels), 3 epochs */
    public static synchronized ModelBundle small() {
        if (small == null) {
            small = trainSmall(TrainingSettings.DEFAULT.seed());
        }
        return small;
    }

    /**
     * @param seed the training seed
     * @return a freshly trained small bundle, with both families
     */
    public static ModelBundle trainSmall(long seed) {
        try {
            CorpusReader.CorpusFile train = new CorpusReader().read(CORPUS_DIR.resolve(CorpusReader.TRAIN_FILE));
            TrainingSettings quick = TrainingSettings.DEFAULT.withSeed(seed).withEpochs(3);
            List<CorpusReader.CorpusComment> sample = java.util.stream.IntStream.range(0, train.comments().size())
                    .filter(i -> i % 5 == 0).mapToObj(train.comments()::get).toList();
            return new BundleTrainer(quick).train(sample, List.of(train.file()), encoder(),
                    new EmbeddingFileCache(DATA_DIR.resolve(TrainingPipeline.EMBEDDINGS_DIR)), TrainingProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a copy of the {@linkplain #full() full bundle} into the test data directory under another version: its
     * files copied, its manifest renamed. A second bundle for tests of promotion and rollback, without training one
     * (a served bundle keeps no Tribuo models to write again).
     *
     * @param suffix added to the full bundle's version to name the copy
     * @return the copy's directory (delete it when done)
     */
    public static Path writeCopy(String suffix) {
        return writeCopy(withVersion(full().manifest(), full().version() + "-" + suffix));
    }

    /**
     * Writes the {@linkplain #full() full bundle}'s files into the test data directory under the given manifest's
     * version, with that manifest.
     *
     * @param manifest the copy's manifest (its own version; a site, when it is a site's copy)
     * @return the copy's directory (delete it when done)
     */
    public static Path writeCopy(BundleManifest manifest) {
        try {
            Path target = DATA_DIR.resolve(BundleFiles.MODELS_DIR).resolve(manifest.version());
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(full().directory())) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            ModelBundle.JSON.writeValue(target.resolve(BundleFiles.MANIFEST).toFile(), manifest);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param manifest a bundle's manifest
     * @param version  another version
     * @return the same manifest under that version
     */
    public static BundleManifest withVersion(BundleManifest manifest, String version) {
        ObjectNode tree = ModelBundle.JSON.valueToTree(manifest);
        tree.put("version", version);
        try {
            return ModelBundle.JSON.treeToValue(tree, BundleManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the bundles the unit tests trained, when there are any, into a service's data directory, so the
     * service need not train its own.
     *
     * @param dataDir the data directory, created if missing
     */
    public static void copyBundles(Path dataDir) throws IOException {
        Path models = DATA_DIR.resolve("models");
        Files.createDirectories(dataDir);
        if (!Files.isDirectory(models)) {
            return;
        }
        try (Stream<Path> files = Files.walk(models)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = dataDir.resolve("models").resolve(models.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
