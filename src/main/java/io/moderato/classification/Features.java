package io.moderato.classification;

/**
 * The features of one text: hashed feature names with their values (log-scaled counts, L2-normalised), and for
 * each occurrence the token that produced it, so a linear model's score can be traced back to words.
 *
 * @param names             feature names, one per distinct bucket
 * @param values            feature values, parallel to {@code names}
 * @param occurrenceFeature for each feature occurrence, the index into {@code names}
 * @param occurrenceToken   for each occurrence, the index of the token that produced it
 * @param occurrenceShare   for each occurrence, its share of its feature's value
 */
public record Features(String[] names, double[] values, int[] occurrenceFeature, int[] occurrenceToken,
                       double[] occurrenceShare) {

    private static final int[] NO_OCCURRENCES = new int[0];
    private static final double[] NO_SHARES = new double[0];

    /** @return the same names and values without the record of which token produced each occurrence */
    public Features withoutOccurrences() {
        return new Features(names, values, NO_OCCURRENCES, NO_OCCURRENCES, NO_SHARES);
    }

    /** @return true when the text produced no feature at all (only punctuation, say) */
    public boolean isEmpty() {
        return names.length == 0;
    }
}
