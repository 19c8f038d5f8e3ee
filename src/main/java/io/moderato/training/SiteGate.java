package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.ScoreCalibration;
import io.moderato.classification.ScoringMode;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import io.moderato.labels.SiteLabel;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation gate of a candidate bundle: the candidate and the bundle live for the site, side by side on the
 * site's held-out slice of labels (the slice fixed by the labels' ids, never trained on), per attribute the slice
 * labels: ROC AUC, PR AUC, F1 and macro-F1 (the mean of both classes' F1) at the site's review threshold, each with a bootstrap 95% interval, and the paired
 * interval of the ROC AUC difference. The gate refuses the candidate when, for some attribute, that whole interval
 * is below zero: worse than the live bundle beyond the interval. Both bundles are scored as they serve, a site
 * bundle's calibration included, so the F1 at the site's thresholds and the threshold suggestions read on the scale
 * the policy will see; the report gives the calibration applied and its expected calibration error on the slice
 * before and after.
 */
public final class SiteGate {

    /** The share of a site's labels kept out of training for the gate: those in slice 0 of this many. */
    public static final int SLICES = 5;
    /** Default review target: hold at least this share of what moderators reject. */
    public static final double REVIEW_RECALL = 0.9;
    /** Default reject target: reject only where at least this share would be rejected by moderators. */
    public static final double REJECT_PRECISION = 0.98;
    /** Bins of the expected calibration error. */
    private static final int CALIBRATION_BINS = 10;
    /** Fewest labels of each class an attribute needs in the slice to be judged. */
    public static final int MIN_CLASS = 5;

    private SiteGate() {
    }

    /**
     * @param label a site label
     * @return true when it belongs to the gate's held-out slice
     */
    public static boolean heldOut(SiteLabel label) {
        return label.slice(SLICES) == 0;
    }

    /**
     * The gate's verdict with its report.
     *
     * @param passed true unless the candidate is worse beyond the interval on some attribute
     * @param reasons why it was refused (empty when passed)
     * @param report the figures, JSON-able
     */
    public record Verdict(boolean passed, List<String> reasons, Map<String, Object> report) {
    }

    /**
     * @param candidate   the new bundle
     * @param live        the bundle live for the site now (its own or the shared one), or null for none
     * @param slice       the held-out labels
     * @param embeddings  per label its embedding, or null to score in fast mode
     * @param thresholds  per attribute the site's review threshold (null: the candidate's own)
     * @param reviewRecall  review target
     * @param rejectPrecision reject target
     * @return the verdict
     */
    public static Verdict judge(TextClassifier candidate, TextClassifier live, List<SiteLabel> slice, float[][] embeddings,
                                Map<Attribute, Double> thresholds, double reviewRecall, double rejectPrecision) {
        ScoringMode mode = embeddings == null ? ScoringMode.FAST : ScoringMode.FULL;
        List<String> texts = slice.stream().map(SiteLabel::text).toList();
        double[][] candidateScores = scores(candidate, texts, embeddings);
        double[][] liveScores = live == null ? null : scores(live, texts, embeddings);
        double[][] rawScores = candidate.bundle().calibration() == null ? candidateScores
                : scores(new TextClassifier(candidate.bundle().withCalibration(null), ScoringSettings.DEFAULT, null),
                texts, embeddings);
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, Object> calibration = new LinkedHashMap<>();
        Map<String, Object> suggestions = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < slice.size(); i++) {
                if (slice.get(i).labels().containsKey(attribute)) {
                    rows.add(i);
                }
            }
            boolean[] truth = new boolean[rows.size()];
            double[] cand = new double[rows.size()];
            double[] liv = new double[rows.size()];
            int positives = 0;
            for (int k = 0; k < rows.size(); k++) {
                truth[k] = slice.get(rows.get(k)).labels().get(attribute) >= 0.5;
                positives += truth[k] ? 1 : 0;
                cand[k] = candidateScores[rows.get(k)][attribute.ordinal()];
                liv[k] = liveScores == null ? Double.NaN : liveScores[rows.get(k)][attribute.ordinal()];
            }
            if (positives < MIN_CLASS || rows.size() - positives < MIN_CLASS) {
                continue;
            }
            Double siteThreshold = thresholds.get(attribute);
            double threshold = siteThreshold != null ? siteThreshold : candidate.bundle().threshold(attribute, mode);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("labels", rows.size());
            figures.put("positives", positives);
            figures.put("threshold", threshold);
            figures.put("candidate", figures(truth, cand, threshold));
            if (liveScores != null) {
                figures.put("live", figures(truth, liv, threshold));
                Bootstrap.Interval difference = Bootstrap.interval(truth, new double[][]{cand, liv},
                        (t, s) -> auc(t, s[0]) - auc(t, s[1]));
                figures.put("rocAucDifference", interval(difference));
                if (difference.high() < 0) {
                    reasons.add(String.format(java.util.Locale.ROOT, "%s: ROC AUC %.3f against the live bundle's %.3f "
                                    + "(difference %.3f, 95%% interval %.3f to %.3f)", attribute.key(), auc(truth, cand),
                            auc(truth, liv), difference.value(), difference.low(), difference.high()));
                }
            }
            attributes.put(attribute.key(), figures);

            ScoreCalibration applied = candidate.bundle().calibration() == null ? null
                    : candidate.bundle().calibration().of(attribute, mode);
            double[] uncalibrated = new double[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                uncalibrated[k] = rawScores[rows.get(k)][attribute.ordinal()];
            }
            Map<String, Object> fitted = new LinkedHashMap<>();
            fitted.put("method", applied == null ? "none" : applied.method());
            fitted.put("eceBefore", Metrics.expectedCalibrationError(truth, uncalibrated, CALIBRATION_BINS));
            fitted.put("eceAfter", Metrics.expectedCalibrationError(truth, cand, CALIBRATION_BINS));
            calibration.put(attribute.key(), fitted);
            suggestions.put(attribute.key(), ThresholdSuggestion.suggest(truth, cand, reviewRecall, rejectPrecision));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("slice", "site labels whose id falls in slice 0 of " + SLICES + " (never trained on)");
        report.put("size", slice.size());
        report.put("mode", mode.key());
        report.put("candidate", candidate.bundle().version());
        report.put("live", live == null ? null : live.bundle().version());
        report.put("bootstrap", Map.of("resamples", Bootstrap.RESAMPLES, "seed", Bootstrap.SEED, "level", 0.95));
        report.put("attributes", attributes);
        report.put("calibration", calibration);
        report.put("thresholdSuggestions", suggestions);
        report.put("passed", reasons.isEmpty());
        report.put("reasons", reasons);
        return new Verdict(reasons.isEmpty(), List.copyOf(reasons), report);
    }

    /**
     * @param classifier a bundle
     * @param texts      comments
     * @param embeddings their embeddings, or null for fast mode
     * @return per comment, the attribute scores the service would serve
     */
    static double[][] scores(TextClassifier classifier, List<String> texts, float[][] embeddings) {
        double[][] out = new double[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            TextClassifier.FamilyBreakdown breakdown = classifier.breakdown(texts.get(i),
                    embeddings == null ? null : embeddings[i]);
            out[i] = embeddings == null ? breakdown.fastAttributes() : breakdown.fullAttributes();
        }
        return out;
    }

    private static Map<String, Object> figures(boolean[] truth, double[] scores, double threshold) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rocAuc", interval(Bootstrap.interval(truth, new double[][]{scores}, (t, s) -> auc(t, s[0]))));
        figures.put("prAuc", interval(Bootstrap.interval(truth, new double[][]{scores},
                (t, s) -> positives(t) == 0 ? Double.NaN : LabelEvaluationUtil.averagedPrecision(t, s[0]))));
        figures.put("f1", interval(Bootstrap.interval(truth, new double[][]{scores},
                (t, s) -> Metrics.binary(t, s[0], threshold).f1())));
        figures.put("macroF1", interval(Bootstrap.interval(truth, new double[][]{scores},
                (t, s) -> macroF1(t, s[0], threshold))));
        return figures;
    }

    /** The mean of the F1 of the positive class and of the negative class, at a threshold. */
    static double macroF1(boolean[] truth, double[] scores, double threshold) {
        boolean[] negative = new boolean[truth.length];
        double[] reversed = new double[scores.length];
        for (int i = 0; i < truth.length; i++) {
            negative[i] = !truth[i];
            reversed[i] = -scores[i];
        }
        // Scores below the threshold flag the negative class: -score > -threshold, i.e. at or above the next value up.
        return (Metrics.binary(truth, scores, threshold).f1()
                + Metrics.binary(negative, reversed, Math.nextUp(-threshold)).f1()) / 2;
    }

    static double auc(boolean[] truth, double[] scores) {
        int positives = positives(truth);
        return positives == 0 || positives == truth.length ? Double.NaN
                : LabelEvaluationUtil.binaryAUCROC(truth, scores);
    }

    private static int positives(boolean[] truth) {
        int positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        return positives;
    }

    private static Map<String, Object> interval(Bootstrap.Interval interval) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", BiasReport.finite(interval.value()));
        out.put("low", BiasReport.finite(interval.low()));
        out.put("high", BiasReport.finite(interval.high()));
        return out;
    }
}
