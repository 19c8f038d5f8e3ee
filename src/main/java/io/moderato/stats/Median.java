package io.moderato.stats;

import java.util.Arrays;

/** Medians, which SQL has no portable aggregate for. */
public final class Median {

    private Median() {
    }

    /**
     * @param values the values, in any order (not changed)
     * @return their median (the mean of the middle two for an even count), or null when there are none
     */
    public static Double of(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
