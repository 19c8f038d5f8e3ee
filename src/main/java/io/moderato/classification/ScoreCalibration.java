package io.moderato.classification;

import java.util.Arrays;

/**
 * A monotone map from a bundle's score to the probability that a site's moderators would mark the comment: Platt
 * scaling (a logistic function of the score's log-odds, two parameters) or isotonic regression (a step function:
 * from each boundary in {@code xs} on, the value in {@code ys}, with a slight slope so that different scores stay
 * in order). Either keeps the order of the scores it maps: the ROC AUC is the bundle's. Fitted in training ({@code
 * io.moderato.training.Calibrator}), applied when the bundle serves.
 *
 * @param method {@value #PLATT} or {@value #ISOTONIC}
 * @param slope  Platt: the log-odds' coefficient (positive)
 * @param offset Platt: the intercept
 * @param xs     isotonic: the step boundaries (scores, ascending, the first 0)
 * @param ys     isotonic: the calibrated value from each boundary on (non-decreasing)
 */
public record ScoreCalibration(String method, double slope, double offset, double[] xs, double[] ys) {

    /** Platt scaling. */
    public static final String PLATT = "platt";
    /** Isotonic regression. */
    public static final String ISOTONIC = "isotonic";
    /** Weight of the score itself in an isotonic calibration's value, so that it never ties two scores. */
    static final double TIE_SLOPE = 1e-4;

    public ScoreCalibration {
        if (!PLATT.equals(method) && !ISOTONIC.equals(method)) {
            throw new IllegalArgumentException("calibration method must be platt or isotonic, was " + method);
        }
        if (ISOTONIC.equals(method) && (xs == null || ys == null || xs.length == 0 || xs.length != ys.length)) {
            throw new IllegalArgumentException("isotonic calibration needs as many steps as values, at least one");
        }
    }

    /**
     * @param score a score
     * @return its calibrated probability
     */
    public double apply(double score) {
        if (PLATT.equals(method)) {
            return 1 / (1 + Math.exp(-(slope * ScoreCombiner.logit(score) + offset)));
        }
        int i = Arrays.binarySearch(xs, score);
        int step = i >= 0 ? i : Math.max(0, -i - 2);
        // A step function would tie every score within a step and so change the order of comments (and the ROC
        // AUC): a slight slope keeps the order strictly, at most TIE_SLOPE away from the step's value.
        return (1 - TIE_SLOPE) * ys[Math.min(step, ys.length - 1)] + TIE_SLOPE * Math.min(1, Math.max(0, score));
    }
}
