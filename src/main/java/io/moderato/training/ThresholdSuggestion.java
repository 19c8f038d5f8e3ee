package io.moderato.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Review and reject thresholds computed from a site's labels for two targets: hold for review at least a share of
 * what moderators reject (recall), and reject outright only where moderators would reject at least a share of what
 * is rejected (precision); with the confusion counts each threshold implies on the labels.
 */
public final class ThresholdSuggestion {

    private ThresholdSuggestion() {
    }

    /**
     * @param truth           per label, whether moderators marked it
     * @param scores          per label, the score the bundle serves
     * @param reviewRecall    share of marked comments the review threshold must hold
     * @param rejectPrecision share of marked comments among those the reject threshold rejects
     * @return {@code review} and {@code reject}: each a threshold (null when none meets the target) and its counts
     */
    public static Map<String, Object> suggest(boolean[] truth, double[] scores, double reviewRecall,
                                              double rejectPrecision) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("targets", Map.of("reviewRecall", reviewRecall, "rejectPrecision", rejectPrecision));
        Double review = thresholdForRecall(truth, scores, reviewRecall);
        Double reject = Metrics.thresholdForPrecision(truth, scores, rejectPrecision);
        out.put("review", counts(truth, scores, review));
        out.put("reject", counts(truth, scores, reject));
        return out;
    }

    /**
     * @param truth  per label, whether it is marked
     * @param scores per label, the score
     * @param recall the share of marked labels to catch
     * @return the highest threshold at which at least that share scores at or above it, or null without positives
     */
    static Double thresholdForRecall(boolean[] truth, double[] scores, double recall) {
        int positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        if (positives == 0) {
            return null;
        }
        double[] positiveScores = new double[positives];
        int k = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i]) {
                positiveScores[k++] = scores[i];
            }
        }
        java.util.Arrays.sort(positiveScores);
        int mayMiss = (int) Math.floor((1 - recall) * positives + 1e-9);
        return positiveScores[Math.min(mayMiss, positives - 1)];
    }

    private static Map<String, Object> counts(boolean[] truth, double[] scores, Double threshold) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threshold", threshold);
        if (threshold == null) {
            return out;
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (flagged && truth[i]) {
                tp++;
            } else if (flagged) {
                fp++;
            } else if (truth[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        out.put("truePositives", tp);
        out.put("falsePositives", fp);
        out.put("falseNegatives", fn);
        out.put("trueNegatives", tn);
        return out;
    }
}
