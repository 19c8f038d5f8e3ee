package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ScoreCalibration;
import io.moderato.classification.ScoringMode;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.SiteCalibration;
import io.moderato.classification.TextClassifier;
import io.moderato.labels.SiteLabel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a site bundle's {@link SiteCalibration}: per attribute the site's labels judge and per scoring mode, Platt
 * scaling or isotonic regression of the bundle's scores to the labels, or none, whichever has the lowest expected
 * calibration error (out of fold for the two fitted maps). The labels given must be ones the bundle's families did
 * not learn from (the site's labels in the training's validation split), or the scores would look surer than they
 * are; the gate's held-out slice is never among them, so the gate measures the calibration on labels it has not
 * seen.
 */
public final class SiteCalibrationFit {

    /** Fewest labels of each class an attribute needs among the labels fitted on to be calibrated. */
    public static final int MIN_CLASS = 30;

    private SiteCalibrationFit() {
    }

    /**
     * The calibration with the figures it was chosen by.
     *
     * @param calibration what the bundle will serve with
     * @param report      per attribute: labels, positives, and per mode the method kept ({@code none} when neither
     *                    map beat the raw scores) with the errors measured
     */
    public record Result(SiteCalibration calibration, Map<String, Object> report) {
    }

    /**
     * @param siteId     the site
     * @param bundle     the site's new bundle, not calibrated yet
     * @param labels     the site's labels to fit on (none of them trained on by the families)
     * @param embeddings per label its embedding, or null (then the fast mode alone is calibrated)
     * @param fittedOn   which labels these are, in words (recorded with the calibration)
     * @return the calibration and its report
     */
    public static Result fit(String siteId, ModelBundle bundle, List<SiteLabel> labels, float[][] embeddings,
                             String fittedOn) {
        TextClassifier raw = new TextClassifier(bundle.withCalibration(null), ScoringSettings.DEFAULT, null);
        List<TextClassifier.FamilyBreakdown> scored = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            scored.add(raw.breakdown(labels.get(i).text(), embeddings == null ? null : embeddings[i]));
        }
        List<ScoringMode> modes = bundle.hasEncoder() && embeddings != null
                ? List.of(ScoringMode.FULL, ScoringMode.FAST) : List.of(ScoringMode.FAST);
        Map<String, Map<String, ScoreCalibration>> calibrations = new LinkedHashMap<>();
        Map<String, Object> report = new LinkedHashMap<>();
        for (Attribute attribute : Attribute.values()) {
            List<Integer> rows = new ArrayList<>();
            int positives = 0;
            for (int i = 0; i < labels.size(); i++) {
                Double label = labels.get(i).labels().get(attribute);
                if (label != null) {
                    rows.add(i);
                    positives += label >= 0.5 ? 1 : 0;
                }
            }
            if (positives < SiteGate.MIN_CLASS || rows.size() - positives < SiteGate.MIN_CLASS) {
                continue;
            }
            if (positives < MIN_CLASS || rows.size() - positives < MIN_CLASS) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("labels", rows.size());
                figures.put("positives", positives);
                for (ScoringMode mode : modes) {
                    figures.put(mode.key(), Map.of("method", "none",
                            "reason", "fewer than " + MIN_CLASS + " labels of each class to fit a calibration on"));
                }
                report.put(attribute.key(), figures);
                continue;
            }
            boolean[] truth = new boolean[rows.size()];
            for (int k = 0; k < truth.length; k++) {
                truth[k] = labels.get(rows.get(k)).labels().get(attribute) >= 0.5;
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("labels", rows.size());
            figures.put("positives", positives);
            Map<String, ScoreCalibration> byMode = new LinkedHashMap<>();
            for (ScoringMode mode : modes) {
                double[] scores = new double[rows.size()];
                for (int k = 0; k < scores.length; k++) {
                    TextClassifier.FamilyBreakdown b = scored.get(rows.get(k));
                    scores[k] = (mode == ScoringMode.FULL ? b.fullAttributes() : b.fastAttributes())[attribute.ordinal()];
                }
                Calibrator.Choice choice = Calibrator.choose(truth, scores);
                boolean better = choice.eceAfter() < choice.eceBefore();
                if (better) {
                    byMode.put(mode.key(), choice.chosen());
                }
                Map<String, Object> measured = new LinkedHashMap<>();
                measured.put("method", better ? choice.chosen().method() : "none");
                measured.put("eceRaw", choice.eceBefore());
                measured.put("ecePlatt", choice.ecePlatt());
                measured.put("eceIsotonic", BiasReport.finite(choice.eceIsotonic()));
                figures.put(mode.key(), measured);
            }
            if (!byMode.isEmpty()) {
                calibrations.put(attribute.key(), byMode);
            }
            report.put(attribute.key(), figures);
        }
        return new Result(new SiteCalibration(siteId, fittedOn, calibrations), report);
    }
}
