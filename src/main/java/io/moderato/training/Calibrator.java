package io.moderato.training;

import io.moderato.classification.ScoreCalibration;
import io.moderato.classification.ScoreCombiner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a monotone map ({@link ScoreCalibration}) from a model's score to the probability that a site's moderators
 * would mark the comment, on that site's labels: Platt scaling (a logistic regression on the score's log-odds, two
 * parameters, smooth) or isotonic regression (pool-adjacent-violators, a step function, needs more data).
 * {@link #choose} fits both (isotonic regression from {@value #MIN_ISOTONIC} labels on) and keeps the one with the
 * lower expected calibration error in two-fold cross-validation.
 */
public final class Calibrator {

    private static final int BINS = 10;
    /**
     * Fewest labels isotonic regression is fitted on: a step function learns its steps from the data, and on fewer
     * labels it follows their noise (Platt scaling, two parameters, is fitted on any number).
     */
    public static final int MIN_ISOTONIC = 1000;

    private Calibrator() {
    }

    /**
     * @param truth  per row whether moderators marked it
     * @param scores per row the model's score
     * @return Platt scaling fitted by Newton's method, on Platt's smoothed targets ((positives + 1) / (positives +
     *         2) for a marked row, 1 / (negatives + 2) for the others), which keep a few separable labels from making
     *         it a step; a small ridge keeps it finite
     */
    public static ScoreCalibration platt(boolean[] truth, double[] scores) {
        int positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1.0 / (truth.length - positives + 2.0);
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double ga = 1e-3 * a;
            double gb = 0;
            double haa = 1e-3;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < scores.length; i++) {
                double x = ScoreCombiner.logit(scores[i]);
                double p = 1 / (1 + Math.exp(-(a * x + b)));
                double y = truth[i] ? high : low;
                double w = Math.max(p * (1 - p), 1e-9);
                ga += (p - y) * x;
                gb += p - y;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // A full Newton step can overshoot when scores sit near 0 and 1 (log-odds of ±14): halve it until the
            // loss falls, as Lin, Lin and Weng's note on Platt's method does.
            double loss = plattLoss(truth, scores, high, low, a, b);
            double step = 1;
            while (step > 1e-10 && plattLoss(truth, scores, high, low, a - step * da, b - step * db) > loss) {
                step /= 2;
            }
            a -= step * da;
            b -= step * db;
            if (step * (Math.abs(da) + Math.abs(db)) < 1e-8) {
                break;
            }
        }
        return new ScoreCalibration(ScoreCalibration.PLATT, a, b, null, null);
    }

    /** Cross-entropy of the smoothed targets under slope {@code a} and intercept {@code b}, with the slope's ridge. */
    private static double plattLoss(boolean[] truth, double[] scores, double high, double low, double a, double b) {
        double loss = 0.5e-3 * a * a;
        for (int i = 0; i < scores.length; i++) {
            double z = a * ScoreCombiner.logit(scores[i]) + b;
            double y = truth[i] ? high : low;
            // log(1 + e^-z) and log(1 + e^z), computed without overflow
            double logOnePlusExpMinusZ = Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
            loss += y * logOnePlusExpMinusZ + (1 - y) * (logOnePlusExpMinusZ + z);
        }
        return loss;
    }

    /**
     * @param truth  per row whether moderators marked it
     * @param scores per row the model's score
     * @return isotonic regression by pool-adjacent-violators
     */
    public static ScoreCalibration isotonic(boolean[] truth, double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(scores[p], scores[q]));
        List<double[]> blocks = new ArrayList<>(); // {start score, sum of truth, count}
        for (int index : order) {
            blocks.add(new double[]{scores[index], truth[index] ? 1 : 0, 1});
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] before = blocks.get(blocks.size() - 2);
                if (before[1] / before[2] < last[1] / last[2]) {
                    break;
                }
                before[1] += last[1];
                before[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] xs = new double[blocks.size()];
        double[] ys = new double[blocks.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i == 0 ? 0 : blocks.get(i)[0];
            ys[i] = blocks.get(i)[1] / blocks.get(i)[2];
        }
        return new ScoreCalibration(ScoreCalibration.ISOTONIC, 0, 0, xs, ys);
    }

    /**
     * A calibration chosen by measurement.
     *
     * @param chosen    the calibrator fitted on all rows with the better method
     * @param eceBefore expected calibration error of the raw scores
     * @param ecePlatt  Platt's error, out of fold
     * @param eceIsotonic isotonic regression's error, out of fold (NaN when there were too few rows to try it)
     * @param eceAfter  the chosen method's error, out of fold
     */
    public record Choice(ScoreCalibration chosen, double eceBefore, double ecePlatt, double eceIsotonic, double eceAfter) {
    }

    /** The rows fitted on in a fold: those whose parity is not the fold's (the others are measured on). */
    private static List<Integer> fold(int size, int fold) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i % 2 != fold) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static boolean[] subset(boolean[] values, List<Integer> rows) {
        boolean[] out = new boolean[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[rows.get(k)];
        }
        return out;
    }

    private static double[] subset(double[] values, List<Integer> rows) {
        double[] out = new double[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[rows.get(k)];
        }
        return out;
    }

    /**
     * Fits both methods (isotonic regression only from {@value #MIN_ISOTONIC} rows on) on each half of the rows
     * (split by row parity, the rows being in a stable order), measures each on the other half, and keeps the one
     * with the lower error, refitted on all rows. {@link Choice#eceAfter()} is infinite when no map is usable (a
     * Platt fit that would reverse the scores' order, without isotonic regression to fall back on).
     *
     * @param truth  per row whether moderators marked it
     * @param scores per row the model's score
     * @return the choice with the errors measured
     */
    public static Choice choose(boolean[] truth, double[] scores) {
        boolean tryIsotonic = truth.length >= MIN_ISOTONIC;
        double[] platt = new double[scores.length];
        double[] isotonic = new double[scores.length];
        for (int fold = 0; fold < 2; fold++) {
            List<Integer> fitRows = fold(scores.length, fold);
            boolean[] t = subset(truth, fitRows);
            double[] s = subset(scores, fitRows);
            ScoreCalibration p = platt(t, s);
            ScoreCalibration iso = tryIsotonic ? isotonic(t, s) : null;
            for (int i = fold; i < scores.length; i += 2) {
                platt[i] = p.apply(scores[i]);
                isotonic[i] = iso == null ? Double.NaN : iso.apply(scores[i]);
            }
        }
        double before = Metrics.expectedCalibrationError(truth, scores, BINS);
        double ecePlatt = Metrics.expectedCalibrationError(truth, platt, BINS);
        double eceIsotonic = tryIsotonic ? Metrics.expectedCalibrationError(truth, isotonic, BINS) : Double.NaN;
        ScoreCalibration plattAll = platt(truth, scores);
        // A Platt fit with a slope at or below zero would turn the order of scores around: never used.
        boolean plattUsable = plattAll.slope() > 0;
        if (!tryIsotonic) {
            return new Choice(plattAll, before, ecePlatt, eceIsotonic, plattUsable ? ecePlatt : Double.POSITIVE_INFINITY);
        }
        boolean usePlatt = plattUsable && ecePlatt <= eceIsotonic;
        return new Choice(usePlatt ? plattAll : isotonic(truth, scores), before, ecePlatt, eceIsotonic,
                usePlatt ? ecePlatt : eceIsotonic);
    }
}
