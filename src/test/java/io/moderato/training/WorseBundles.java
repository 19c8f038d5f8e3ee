package io.moderato.training;

import io.moderato.TestModels;
import io.moderato.classification.Attribute;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import io.moderato.labels.LabelSource;
import io.moderato.labels.SiteLabel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A bundle that is worse than the shipped one by construction: trained on a corpus slice whose toxicity labels were
 * shuffled among the comments, so it learnt no toxicity at all; and a slice of labels to judge it on (corpus
 * held-out comments as a site's labels). For the evaluation gate's tests.
 */
public final class WorseBundles {

    private static ModelBundle shuffled;
    private static List<SiteLabel> slice;

    private WorseBundles() {
    }

    /** @return the bundle trained on shuffled toxicity labels (every fifth corpus comment, 3 epochs) */
    public static synchronized ModelBundle shuffledToxicity() {
        if (shuffled == null) {
            try {
                CorpusReader.CorpusFile train = new CorpusReader().read(TestModels.CORPUS_DIR.resolve(CorpusReader.TRAIN_FILE));
                List<CorpusReader.CorpusComment> sample = new ArrayList<>();
                for (int i = 0; i < train.comments().size(); i += 5) {
                    sample.add(train.comments().get(i));
                }
                List<Double> toxicity = new ArrayList<>(sample.stream().map(c -> c.attributes().get(Attribute.TOXICITY)).toList());
                Collections.shuffle(toxicity, new Random(5));
                List<CorpusReader.CorpusComment> shuffledComments = new ArrayList<>();
                for (int i = 0; i < sample.size(); i++) {
                    CorpusReader.CorpusComment c = sample.get(i);
                    Map<Attribute, Double> attributes = new EnumMap<>(c.attributes());
                    attributes.put(Attribute.TOXICITY, toxicity.get(i));
                    shuffledComments.add(new CorpusReader.CorpusComment(c.id(), c.register(), c.text(), attributes, c.topics()));
                }
                shuffled = new BundleTrainer(TrainingSettings.DEFAULT.withEpochs(3)).train(shuffledComments,
                        List.of(train.file()), TestModels.encoder(),
                        new EmbeddingFileCache(TestModels.DATA_DIR.resolve(TrainingPipeline.EMBEDDINGS_DIR)),
                        TrainingProgress.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shuffled;
    }

    /** @return 600 corpus held-out comments as a site's toxicity labels */
    public static synchronized List<SiteLabel> slice() {
        if (slice == null) {
            try {
                CorpusReader.CorpusFile heldOut = new CorpusReader().read(TestModels.CORPUS_DIR.resolve(CorpusReader.HELD_OUT_FILE));
                List<SiteLabel> labels = new ArrayList<>();
                for (int i = 0; i < 600; i++) {
                    CorpusReader.CorpusComment c = heldOut.comments().get(i);
                    labels.add(new SiteLabel(i + 1, "gate-site", LabelSource.IMPORT, "test", c.text(),
                            Map.of(Attribute.TOXICITY, c.attributes().get(Attribute.TOXICITY) >= 0.5 ? 1.0 : 0.0),
                            "test", null));
                }
                slice = List.copyOf(labels);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return slice;
    }

    /**
     * Writes the shipped bundle again as a bundle for a site, under a new version, with the gate's report (judged
     * against itself on the slice) and a bias report on the slice: what a site's training leaves for the models page.
     *
     * @param siteId the site
     * @return the bundle's directory
     */
    public static java.nio.file.Path writeSiteCopy(String siteId) {
        return writeSiteCopy(siteId, null);
    }

    /**
     * Same as {@link #writeSiteCopy(String)}, the copy serving with a calibration to the site's labels.
     *
     * @param siteId      the site
     * @param calibration the calibration the copy serves with, or null for none
     * @return the bundle's directory
     */
    public static java.nio.file.Path writeSiteCopy(String siteId, io.moderato.classification.SiteCalibration calibration) {
        try {
            ModelBundle full = TestModels.full();
            io.moderato.classification.BundleManifest copy = TestModels.withVersion(full.manifest().withSiteId(siteId),
                    full.version() + "-" + siteId + (calibration == null ? "" : "-calibrated"));
            ModelBundle bundle = new ModelBundle(null, copy, full.word(), full.encoder(), full.combiner());
            SiteGate.Verdict verdict = judge(bundle, full);
            List<SiteLabel> labels = slice();
            float[][] embeddings = new EmbeddingFileCache(TestModels.DATA_DIR.resolve(TrainingPipeline.EMBEDDINGS_DIR))
                    .embed(TestModels.encoder(), labels.stream().map(SiteLabel::text).toList(), done -> { });
            double[][] scores = SiteGate.scores(new TextClassifier(bundle, ScoringSettings.DEFAULT, TestModels.encoder()),
                    labels.stream().map(SiteLabel::text).toList(), embeddings);
            boolean[] truth = new boolean[labels.size()];
            double[] toxicity = new double[labels.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = labels.get(i).labels().get(Attribute.TOXICITY) >= 0.5;
                toxicity[i] = scores[i][Attribute.TOXICITY.ordinal()];
            }
            BiasReport bias = BiasReport.of("site " + siteId + " held-out slice",
                    labels.stream().map(SiteLabel::text).toList(), truth, toxicity);
            // A served bundle keeps no Tribuo models to write again: copy the full bundle's files with the copy's
            // manifest, then add the gate's and bias reports.
            java.nio.file.Path target = TestModels.writeCopy(copy);
            ModelBundle.JSON.writeValue(target.resolve(io.moderato.classification.BundleFiles.GATE).toFile(), verdict.report());
            ModelBundle.JSON.writeValue(target.resolve(io.moderato.classification.BundleFiles.BIAS).toFile(), List.of(bias.toJson()));
            if (calibration != null) {
                ModelBundle.JSON.writeValue(target.resolve(io.moderato.classification.BundleFiles.CALIBRATION).toFile(),
                        calibration);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param candidate the bundle to judge
     * @param live      the bundle live now
     * @return the gate's verdict on the slice, in full mode
     */
    public static SiteGate.Verdict judge(ModelBundle candidate, ModelBundle live) {
        try {
            List<SiteLabel> labels = slice();
            float[][] embeddings = new EmbeddingFileCache(TestModels.DATA_DIR.resolve(TrainingPipeline.EMBEDDINGS_DIR))
                    .embed(TestModels.encoder(), labels.stream().map(SiteLabel::text).toList(), done -> { });
            return SiteGate.judge(new TextClassifier(candidate, ScoringSettings.DEFAULT, TestModels.encoder()),
                    new TextClassifier(live, ScoringSettings.DEFAULT, TestModels.encoder()), labels, embeddings,
                    Map.of(), SiteGate.REVIEW_RECALL, SiteGate.REJECT_PRECISION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
