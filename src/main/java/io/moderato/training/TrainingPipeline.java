package io.moderato.training;

import io.moderato.classification.BundleManifest;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;

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
     * @param dataDir   the data directory the bundle is saved under
     * @return the saved bundle and its held-out figures
     * @throws IOException when the corpus cannot be read or the bundle cannot be written
     */
    public Result run(Path corpusDir, Path dataDir) throws IOException {
        CorpusReader reader = new CorpusReader();
        CorpusReader.CorpusFile train = reader.read(corpusDir.resolve(CorpusReader.TRAIN_FILE));
        CorpusReader.CorpusFile heldOut = reader.read(corpusDir.resolve(CorpusReader.HELD_OUT_FILE));

        ModelBundle trained = new BundleTrainer(settings).train(train.comments(), List.of(train.file()));
        EvaluationReport report = new Evaluator().evaluate(new TextClassifier(trained, ScoringSettings.DEFAULT),
                "held-out (" + heldOut.file().path() + ")", heldOut.labelled());

        Map<String, Double> headline = new LinkedHashMap<>();
        report.attributes().forEach((attribute, figures) -> headline.put(attribute + ".rocAuc", figures.rocAuc()));
        if (report.topics() != null) {
            headline.put("topics.top1Accuracy", report.topics().top1Accuracy());
        }
        BundleManifest m = trained.manifest();
        BundleManifest manifest = new BundleManifest(m.version(), m.createdAt(), m.features(), m.attributeThresholds(),
                m.topicThresholds(), List.of(train.file(), heldOut.file()), m.seed(), m.trainer(),
                m.trainingExamples(), headline);
        ModelBundle bundle = new ModelBundle(null, manifest, trained.attributes(), trained.topics());
        Path directory = new BundleWriter().write(dataDir, bundle, List.of(report));
        return new Result(directory, new ModelBundle(directory, manifest, trained.attributes(), trained.topics()), report);
    }
}
