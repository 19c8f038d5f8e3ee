package io.moderato;

import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.training.BundleTrainer;
import io.moderato.training.CorpusReader;
import io.moderato.training.TrainingPipeline;
import io.moderato.training.TrainingSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Model bundles shared by the tests. {@link #full()} is the real bundle trained from the project's corpus, saved
 * in the test data directory that the {@code @QuarkusTest}s serve from, so the suite trains it once.
 * {@link #small()} is a quick bundle trained in memory from part of the corpus, for tests of mechanics.
 */
public final class TestModels {

    /** The data directory of the test profile (see application.properties). */
    public static final Path DATA_DIR = Path.of("target/test-data");
    /** The project's corpus. */
    public static final Path CORPUS_DIR = Path.of("training-data");

    private static ModelBundle full;
    private static ModelBundle small;

    private TestModels() {
    }

    /** @return the bundle trained from the whole corpus with the project's settings */
    public static synchronized ModelBundle full() {
        if (full == null) {
            try {
                ModelStore store = new ModelStore(DATA_DIR);
                Optional<String> newest = store.newest();
                full = newest.isPresent() ? store.load(newest.get())
                        : new TrainingPipeline(TrainingSettings.DEFAULT).run(CORPUS_DIR, DATA_DIR).bundle();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return full;
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
     * @return a freshly trained small bundle
     */
    public static ModelBundle trainSmall(long seed) {
        try {
            CorpusReader.CorpusFile train = new CorpusReader().read(CORPUS_DIR.resolve(CorpusReader.TRAIN_FILE));
            TrainingSettings d = TrainingSettings.DEFAULT;
            TrainingSettings quick = new TrainingSettings(seed, 3, d.learningRate(), d.minDocumentFrequency(),
                    d.validationShare(), d.features());
            List<CorpusReader.CorpusComment> sample = java.util.stream.IntStream.range(0, train.comments().size())
                    .filter(i -> i % 5 == 0).mapToObj(train.comments()::get).toList();
            return new BundleTrainer(quick).train(sample, List.of(train.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
