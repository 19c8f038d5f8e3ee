package io.moderato.training;

import io.moderato.TestModels;
import io.moderato.classification.Attribute;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ScoreCombiner;
import io.moderato.classification.ScoringMode;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.SiteCalibration;
import io.moderato.classification.TextClassifier;
import io.moderato.labels.LabelSource;
import io.moderato.labels.SiteLabel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site whose moderators mark far less than the shipped bundle's scores say (each comment marked with the chance
 * the bundle's log-odds, less 2.5, give): the calibration fitted on some of its labels brings the served scores'
 * expected calibration error on other labels (the gate's slice) down, keeps their order, and leaves the shared
 * bundle's scores as they were.
 */
class SiteCalibrationFitTest {

    private static final String SITE = "calibration-site";

    /** 1,200 corpus held-out comments (never trained on) with the site's labels drawn from the shifted chance. */
    private static List<SiteLabel> labels(List<String> texts, double[] raw) {
        Random random = new Random(17);
        List<SiteLabel> labels = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            double chance = 1 / (1 + Math.exp(-(ScoreCombiner.logit(raw[i]) - 2.5)));
            labels.add(new SiteLabel(i + 1, SITE, LabelSource.IMPORT, "test", texts.get(i),
                    Map.of(Attribute.TOXICITY, random.nextDouble() < chance ? 1.0 : 0.0), "test", null));
        }
        return labels;
    }

    private static List<String> texts() {
        try {
            CorpusReader.CorpusFile heldOut = new CorpusReader().read(TestModels.CORPUS_DIR.resolve(CorpusReader.HELD_OUT_FILE));
            return heldOut.comments().stream().limit(1200).map(CorpusReader.CorpusComment::text).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSitesCalibrationLowersTheErrorOnItsHeldOutLabelsAndLeavesTheSharedBundleAlone() throws IOException {
        ModelBundle shared = TestModels.full();
        List<String> texts = texts();
        float[][] embeddings = new EmbeddingFileCache(TestModels.DATA_DIR.resolve(TrainingPipeline.EMBEDDINGS_DIR))
                .embed(TestModels.encoder(), texts, done -> { });
        double[][] before = SiteGate.scores(new TextClassifier(shared, ScoringSettings.DEFAULT, null), texts, embeddings);
        double[] raw = new double[texts.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = before[i][Attribute.TOXICITY.ordinal()];
        }
        List<SiteLabel> labels = labels(texts, raw);
        List<SiteLabel> fitLabels = labels.subList(0, 600);
        List<SiteLabel> slice = labels.subList(600, 1200);
        float[][] fitEmbeddings = java.util.Arrays.copyOfRange(embeddings, 0, 600);
        float[][] sliceEmbeddings = java.util.Arrays.copyOfRange(embeddings, 600, 1200);

        ModelBundle siteBundle = new ModelBundle(null, shared.manifest().withSiteId(SITE), shared.word(),
                shared.encoder(), shared.combiner());
        SiteCalibrationFit.Result fit = SiteCalibrationFit.fit(SITE, siteBundle, fitLabels, fitEmbeddings, "test");
        SiteCalibration calibration = fit.calibration();
        assertNotNull(calibration.of(Attribute.TOXICITY, ScoringMode.FULL), fit.report().toString());
        assertNotNull(calibration.of(Attribute.TOXICITY, ScoringMode.FAST), fit.report().toString());
        assertNull(calibration.of(Attribute.INSULT, ScoringMode.FULL), "the labels judge toxicity alone");
        ModelBundle calibrated = siteBundle.withCalibration(calibration);

        SiteGate.Verdict verdict = SiteGate.judge(new TextClassifier(calibrated, ScoringSettings.DEFAULT, null),
                new TextClassifier(shared, ScoringSettings.DEFAULT, null), slice, sliceEmbeddings, Map.of(),
                SiteGate.REVIEW_RECALL, SiteGate.REJECT_PRECISION);
        @SuppressWarnings("unchecked")
        Map<String, Object> toxicity = (Map<String, Object>) ((Map<String, Object>) verdict.report().get("calibration"))
                .get("toxicity");
        double eceBefore = (Double) toxicity.get("eceBefore");
        double eceAfter = (Double) toxicity.get("eceAfter");
        assertEquals(calibration.of(Attribute.TOXICITY, ScoringMode.FULL).method(), toxicity.get("method"));
        assertTrue(eceBefore > 0.1, "the raw scores are off on the slice: " + eceBefore);
        assertTrue(eceAfter < eceBefore / 2, "calibrated " + eceAfter + " against raw " + eceBefore);
        // A monotone map: the ranking, and with it the ROC AUC, barely moves (isotonic steps may tie scores).
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) ((Map<String, Object>) verdict.report().get("attributes"))
                .get("toxicity");
        assertEquals(rocAuc(figures, "live"), rocAuc(figures, "candidate"), 0.01);
        // The threshold the gate's F1 is measured at is the bundle's own, mapped to the served scale.
        assertEquals(calibration.of(Attribute.TOXICITY, ScoringMode.FULL).apply(shared.threshold(Attribute.TOXICITY)),
                (Double) figures.get("threshold"), 1e-12);

        double[][] served = SiteGate.scores(new TextClassifier(calibrated, ScoringSettings.DEFAULT, null),
                texts.subList(0, 20), fitEmbeddings);
        double[][] sharedAgain = SiteGate.scores(new TextClassifier(shared, ScoringSettings.DEFAULT, null),
                texts.subList(0, 20), fitEmbeddings);
        for (int i = 0; i < 20; i++) {
            int t = Attribute.TOXICITY.ordinal();
            assertEquals(calibration.of(Attribute.TOXICITY, ScoringMode.FULL).apply(before[i][t]), served[i][t], 1e-12);
            assertNotEquals(before[i][t], served[i][t]);
            assertEquals(before[i][t], sharedAgain[i][t], 0.0, "the shared bundle's scores are unchanged");
            assertEquals(before[i][Attribute.INSULT.ordinal()], served[i][Attribute.INSULT.ordinal()], 0.0);
        }
    }

    @SuppressWarnings("unchecked")
    private static double rocAuc(Map<String, Object> figures, String which) {
        return (Double) ((Map<String, Object>) ((Map<String, Object>) figures.get(which)).get("rocAuc")).get("value");
    }
}
