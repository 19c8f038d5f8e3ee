package io.moderato.training;

import io.moderato.classification.BundleManifest;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import io.moderato.embedding.Embedder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Train, evaluate on the held-out split, save: the one sequence behind the train command and behind the service's
 * first start on an empty data directory.
 */
public final class TrainingPipeline {

    /** Sub-directory of the data directory where corpus embeddings are cached between runs. */
    public static final String EMBEDDINGS_DIR = "embeddings";

    /**
     * What a run produced.
     *
     * @param directory where the bundle was saved
     * @param bundle    the bundle, as saved
     * @param heldOut   its figures on the held-out split
     */
    public record Result(Path directory, ModelBundle bundle, EvaluationReport heldOut) {
    }

    private final TrainingSettings settings;

    /** @param settings how to train */
    public TrainingPipeline(TrainingSettings settings) {
        this.settings = settings;
    }

    /**
     * @param corpusDir the corpus directory ({@code training-data})
     * @param dataDir   the data directory the bundle is saved under (and where embeddings are cached)
     * @param embedder  the sentence encoder, or null for a word-only bundle
     * @param progress  told how far the run is
     * @return the saved bundle and its held-out figures
     * @throws IOException when the corpus cannot be read or the bundle cannot be written
     */
    public Result run(Path corpusDir, Path dataDir, Embedder embedder, TrainingProgress progress) throws IOException {
        CorpusReader reader = new CorpusReader();
        CorpusReader.CorpusFile train = reader.read(corpusDir.resolve(CorpusReader.TRAIN_FILE));
        CorpusReader.CorpusFile heldOut = reader.read(corpusDir.resolve(CorpusReader.HELD_OUT_FILE));
        EmbeddingFileCache cache = new EmbeddingFileCache(dataDir.resolve(EMBEDDINGS_DIR));

        ModelBundle trained = new BundleTrainer(settings).train(train.comments(), List.of(train.file()), embedder,
                cache, (phase, fraction) -> progress.report(phase, 0.9 * fraction));
        progress.report("evaluating on the held-out split", 0.9);
        TextClassifier classifier = new TextClassifier(trained, ScoringSettings.DEFAULT, embedder);
        float[][] embeddings = embedder == null ? null : cache.embed(embedder,
                heldOut.comments().stream().map(CorpusReader.CorpusComment::text).toList(), done -> { });
        Map<Evaluator.Scores, EvaluationReport> reports = new Evaluator().evaluateFamilies(classifier, embeddings,
                "held-out (" + heldOut.file().path() + ")", heldOut.labelled());
        EvaluationReport report = reports.getOrDefault(Evaluator.Scores.COMBINED, reports.get(Evaluator.Scores.FAST));

        Map<String, Double> headline = new LinkedHashMap<>();
        report.attributes().forEach((attribute, figures) -> headline.put(attribute + ".rocAuc", figures.rocAuc()));
        if (report.topics() != null) {
            headline.put("topics.top1Accuracy", report.topics().top1Accuracy());
        }
        BundleManifest manifest = trained.manifest().withCorpus(List.of(train.file(), heldOut.file())).withHeldOut(headline);
        ModelBundle bundle = new ModelBundle(null, manifest, trained.word(), trained.encoder(), trained.combiner());
        progress.report("saving the bundle", 0.97);
        List<EvaluationReport> all = new java.util.ArrayList<>(List.of(report));
        reports.values().stream().filter(r -> r != report).forEach(all::add);
        Path directory = new BundleWriter().write(dataDir, bundle, all);
        progress.report("saved bundle " + manifest.version(), 1.0);
        return new Result(directory, bundle.at(directory), report);
    }
}
