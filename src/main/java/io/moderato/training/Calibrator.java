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
 * {@link #choose} fits both and keeps the one with the lower expected calibration error in two-fold cross-validation.
 */
public final class Calibrator {

    private static final int BINS = 10;

    private Calibrator() {
    }

    /**
     * @param truth  per row whether moderators marked it
     * @param scores per row the model's score
     * @return Platt scaling fitted by Newton's method (a small ridge keeps it finite on separable data)
     */
    public static ScoreCalibration platt(boolean[] truth, double[] scores) {
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
                double y = truth[i] ? 1 : 0;
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
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-8) {
                break;
            }
        }
        return new ScoreCalibration(ScoreCalibration.PLATT, a, b, null, null);
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
     * @param eceIsotonic isotonic regression's error, out of fold
     * @param eceAfter  the chosen method's error, out of fold
     */
    public record Choice(ScoreCalibration chosen, double eceBefore, double ecePlatt, double eceIsotonic, double eceAfter) {
    }

    /**
     * Fits both methods on each half of the rows (split by row parity, the rows being in a stable order), measures
     * each on the other half, and keeps the one with the lower error, refitted on all rows.
     *
     * @param truth  per row whether moderators marked it
     * @param scores per row the model's score
     * @return the choice with the errors measured
     */
    public static Choice choose(boolean[] truth, double[] scores) {
        double[] platt = new double[scores.length];
        double[] isotonic = new double[scores.length];
        for (int fold = 0; fold < 2; fold++) {
            List<Integer> fitRows = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                if (i % 2 != fold) {
                    fitRows.add(i);
                }
            }
            boolean[] t = new boolean[fitRows.size()];
            double[] s = new double[fitRows.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = truth[fitRows.get(k)];
                s[k] = scores[fitRows.get(k)];
            }
            ScoreCalibration p = platt(t, s);
            ScoreCalibration iso = isotonic(t, s);
            for (int i = fold; i < scores.length; i += 2) {
                platt[i] = p.apply(scores[i]);
                isotonic[i] = iso.apply(scores[i]);
            }
        }
        double before = Metrics.expectedCalibrationError(truth, scores, BINS);
        double ecePlatt = Metrics.expectedCalibrationError(truth, platt, BINS);
        double eceIsotonic = Metrics.expectedCalibrationError(truth, isotonic, BINS);
        ScoreCalibration plattAll = platt(truth, scores);
        // A Platt fit with a slope at or below zero would turn the order of scores around: never chosen.
        boolean usePlatt = ecePlatt <= eceIsotonic && plattAll.slope() > 0;
        return new Choice(usePlatt ? plattAll : isotonic(truth, scores), before, ecePlatt, eceIsotonic,
                usePlatt ? ecePlatt : eceIsotonic);
    }
}
