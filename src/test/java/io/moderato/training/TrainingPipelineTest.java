package io.moderato.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.moderato.classification.BundleFiles;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first start's bundle, trained and saved before its evaluation and evaluated once live, ends up as the bundle
 * {@link TrainingPipeline#run} trains and evaluates in one go. Word-only bundles of a slice of the corpus, so that it
 * takes seconds.
 */
class TrainingPipelineTest {

    private static final List<String> PROBES = List.of("You are a complete idiot.", "Lovely weather in Leeds today",
            "I hope someone wipes them all out.", "The council meets on Tuesday.");

    /** Every 25th line of the corpus's two files. */
    private static Path corpusSlice(Path directory) throws IOException {
        for (String file : List.of(CorpusReader.TRAIN_FILE, CorpusReader.HELD_OUT_FILE)) {
            List<String> lines = Files.readAllLines(Path.of("training-data").resolve(file));
            List<String> slice = new ArrayList<>();
            for (int i = 0; i < lines.size(); i += 25) {
                slice.add(lines.get(i));
            }
            Files.write(directory.resolve(file), slice);
        }
        return directory;
    }

    private static double[][] scores(ModelBundle bundle) {
        TextClassifier classifier = new TextClassifier(bundle, ScoringSettings.DEFAULT, null);
        return PROBES.stream().map(text -> classifier.breakdown(text, null).fastAttributes()).toArray(double[][]::new);
    }

    @Test
    void aBundleEvaluatedOnceLiveEndsAsTheBundleEvaluatedBeforeSaving(@TempDir Path corpus, @TempDir Path first,
                                                                      @TempDir Path inOneGo) throws IOException {
        corpusSlice(corpus);
        TrainingPipeline pipeline = new TrainingPipeline(TrainingSettings.DEFAULT);

        TrainingPipeline.Result unevaluated = pipeline.trainUnevaluated(corpus, first, null, TrainingProgress.NONE);
        Path directory = unevaluated.directory();
        assertFalse(Files.exists(directory.resolve(BundleFiles.EVALUATION)));
        assertFalse(Files.exists(directory.resolve(BundleFiles.BIAS)));
        assertTrue(unevaluated.bundle().manifest().heldOut().isEmpty());
        ModelStore store = new ModelStore(first, null);
        ModelBundle served = store.load(unevaluated.bundle().version());

        EvaluationReport report = pipeline.completeEvaluation(corpus, first, served, null);
        TrainingPipeline.Result reference = pipeline.run(corpus, inOneGo, null, TrainingProgress.NONE);

        ModelBundle evaluated = store.load(served.version());
        assertEquals(reference.bundle().manifest().heldOut(), evaluated.manifest().heldOut());
        assertEquals(reference.bundle().manifest().corpus(), evaluated.manifest().corpus());
        assertEquals(reference.heldOut().attributes().get("toxicity").rocAuc(),
                report.attributes().get("toxicity").rocAuc());
        JsonNode reports = ModelBundle.JSON.readTree(directory.resolve(BundleFiles.EVALUATION).toFile());
        JsonNode referenceReports = ModelBundle.JSON.readTree(
                reference.directory().resolve(BundleFiles.EVALUATION).toFile());
        assertEquals(referenceReports.size(), reports.size());
        assertEquals(referenceReports.get(0).path("attributes"), reports.get(0).path("attributes"));
        assertEquals(ModelBundle.JSON.readTree(reference.directory().resolve(BundleFiles.BIAS).toFile()),
                ModelBundle.JSON.readTree(directory.resolve(BundleFiles.BIAS).toFile()));
        // The models were not touched: the bundle scores as it did when it was served unevaluated.
        double[][] before = scores(served);
        double[][] after = scores(evaluated);
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], 0.0, PROBES.get(i));
        }
        try (var files = Files.list(directory)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".writing-")));
        }
    }

    @Test
    void aSitesBundleIsNotEvaluatedThisWay(@TempDir Path corpus, @TempDir Path dataDir) throws IOException {
        corpusSlice(corpus);
        TrainingPipeline pipeline = new TrainingPipeline(TrainingSettings.DEFAULT);
        ModelBundle bundle = pipeline.trainUnevaluated(corpus, dataDir, null, TrainingProgress.NONE).bundle();
        ModelBundle forSite = new ModelBundle(bundle.directory(), bundle.manifest().withSiteId("site-a"), bundle.word(),
                bundle.encoder(), bundle.combiner());
        assertThrows(IllegalArgumentException.class, () -> pipeline.completeEvaluation(corpus, dataDir, forSite, null));
        assertFalse(Files.exists(bundle.directory().resolve(BundleFiles.EVALUATION)));
    }
}
