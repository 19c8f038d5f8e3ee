package io.moderato.training;

import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/** Binary-classification figures over scores: ROC AUC and PR AUC from Tribuo, F1 at a threshold. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Figures of one label at one threshold.
     *
     * @param positives how many examples have the label
     * @param rocAuc    area under the ROC curve, NaN without both classes
     * @param prAuc     average precision (area under the precision-recall curve), NaN without positives
     * @param threshold the threshold the next three figures are taken at
     * @param precision share of flagged examples that have the label
     * @param recall    share of labelled examples that are flagged
     * @param f1        harmonic mean of precision and recall
     */
    public record Binary(int positives, double rocAuc, double prAuc, double threshold, double precision,
                         double recall, double f1) {
    }

    /**
     * @param truth     whether each example has the label
     * @param scores    the model's score for each example
     * @param threshold scores at or above it count as flagged
     * @return the figures
     */
    public static Binary binary(boolean[] truth, double[] scores, double threshold) {
        int positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        boolean bothClasses = positives > 0 && positives < truth.length;
        double rocAuc = bothClasses ? LabelEvaluationUtil.binaryAUCROC(truth, scores) : Double.NaN;
        double prAuc = positives > 0 ? LabelEvaluationUtil.averagedPrecision(truth, scores) : Double.NaN;
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < truth.length; i++) {
            if (scores[i] >= threshold) {
                if (truth[i]) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = positives == 0 ? 0 : (double) tp / positives;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Binary(positives, rocAuc, prAuc, threshold, precision, recall, f1);
    }

    /**
     * @param truth  whether each example has the label
     * @param scores the model's score for each example
     * @return the score threshold with the best F1 (0.5 when there is no positive to learn from)
     */
    public static double bestF1Threshold(boolean[] truth, double[] scores) {
        int positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        if (positives == 0) {
            return 0.5;
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double bestF1 = -1;
        double best = 0.5;
        int tp = 0;
        for (int k = 0; k < order.length; k++) {
            if (truth[order[k]]) {
                tp++;
            }
            // Only cut between distinct scores.
            if (k + 1 < order.length && scores[order[k + 1]] == scores[order[k]]) {
                continue;
            }
            double precision = (double) tp / (k + 1);
            double recall = (double) tp / positives;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > bestF1) {
                bestF1 = f1;
                double next = k + 1 < order.length ? scores[order[k + 1]] : 0;
                best = (scores[order[k]] + next) / 2;
            }
        }
        return best;
    }

    /**
     * Expected calibration error: scores put into {@code bins} equal-width bins, and the bins' gaps between mean score
     * and share of positives, weighted by their size (Guo et al., 2017).
     *
     * @param truth  per row, whether the label is present
     * @param scores per row, the predicted probability
     * @param bins   how many bins
     * @return the error, 0 for a perfectly calibrated score
     */
    public static double expectedCalibrationError(boolean[] truth, double[] scores, int bins) {
        double[] sum = new double[bins];
        int[] positives = new int[bins];
        int[] count = new int[bins];
        for (int i = 0; i < scores.length; i++) {
            int bin = Math.min(bins - 1, (int) (scores[i] * bins));
            sum[bin] += scores[i];
            count[bin]++;
            positives[bin] += truth[i] ? 1 : 0;
        }
        double error = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                error += Math.abs(sum[b] / count[b] - (double) positives[b] / count[b]) * count[b] / scores.length;
            }
        }
        return error;
    }

    /**
     * The lowest threshold at which the share of positives among the scores at or above it reaches a precision,
     * considering only thresholds with at least ten such scores (fewer say little).
     *
     * @param truth     per row, whether the label is present
     * @param scores    per row, the score
     * @param precision the precision wanted, e.g. 0.9
     * @return the threshold, or null when no threshold reaches it
     */
    public static Double thresholdForPrecision(boolean[] truth, double[] scores, double precision) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int positives = 0;
        Double best = null;
        for (int k = 0; k < order.length; k++) {
            positives += truth[order[k]] ? 1 : 0;
            boolean lastOfTies = k + 1 == order.length || scores[order[k + 1]] < scores[order[k]];
            if (lastOfTies && k + 1 >= 10 && (double) positives / (k + 1) >= precision) {
                best = scores[order[k]];
            }
        }
        return best;
    }
}
