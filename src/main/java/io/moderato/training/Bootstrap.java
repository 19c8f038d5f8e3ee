package io.moderato.training;

import java.util.Arrays;
import java.util.Random;

/**
 * Percentile bootstrap intervals (Efron): resample the rows with replacement a fixed number of times with a fixed
 * seed, so the same data always gives the same interval, and take the 2.5th and 97.5th percentiles of the figure.
 */
public final class Bootstrap {

    /** Resamples per interval. */
    public static final int RESAMPLES = 200;
    /** The seed every interval starts from. */
    public static final long SEED = 20261206L;

    /** A figure computed on some rows: the truth and one or two score columns, restricted to a resample. */
    @FunctionalInterface
    public interface Figure {

        /**
         * @param truth  the resample's truth
         * @param scores the resample's score columns
         * @return the figure, NaN when the resample does not allow it
         */
        double of(boolean[] truth, double[][] scores);
    }

    /**
     * A figure with its interval.
     *
     * @param value the figure on all rows
     * @param low   the 2.5th percentile over the resamples
     * @param high  the 97.5th percentile
     */
    public record Interval(double value, double low, double high) {
    }

    private Bootstrap() {
    }

    /**
     * @param truth  per row the truth
     * @param scores score columns, each one value per row (the same resample is taken of each: a paired bootstrap)
     * @param figure what to compute
     * @return the figure on all rows with its 95% interval (NaN bounds when too few resamples allow it)
     */
    public static Interval interval(boolean[] truth, double[][] scores, Figure figure) {
        double value = figure.of(truth, scores);
        Random random = new Random(SEED);
        int n = truth.length;
        double[] values = new double[RESAMPLES];
        int kept = 0;
        boolean[] t = new boolean[n];
        double[][] s = new double[scores.length][n];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < n; i++) {
                int row = random.nextInt(n);
                t[i] = truth[row];
                for (int c = 0; c < scores.length; c++) {
                    s[c][i] = scores[c][row];
                }
            }
            double v = figure.of(t, s);
            if (!Double.isNaN(v)) {
                values[kept++] = v;
            }
        }
        if (kept < RESAMPLES / 2) {
            return new Interval(value, Double.NaN, Double.NaN);
        }
        double[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        return new Interval(value, sorted[(int) Math.floor(0.025 * (kept - 1))], sorted[(int) Math.ceil(0.975 * (kept - 1))]);
    }
}
