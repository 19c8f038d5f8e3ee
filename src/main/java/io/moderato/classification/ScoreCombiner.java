package io.moderato.classification;

import java.util.List;

/**
 * One verdict from the families. Per attribute, a small stacked logistic regression (Tribuo) reads the log-odds of
 * the word model and of the encoder model, each also multiplied by the text's shortness (the word model is least
 * reliable on a two-word reply, and the stacker learns by how much), and answers a calibrated probability; a second
 * one reads the word model alone, for the fast mode. Both were fitted on a validation split of the training data that the family models never
 * saw, so a score of 0.8 means that about 80% of such comments there had the attribute. Topics are a weighted
 * average of the two families' probabilities, the weight chosen on the same split.
 *
 * @param stacked             per attribute (in {@link Attribute} order), the head over {@link #STACKED_FEATURES}
 * @param wordOnly            per attribute, the head over {@link #WORD_FEATURES} (fast mode)
 * @param topicEncoderWeight  weight of the encoder's topic probabilities (the word model's get the rest)
 */
public record ScoreCombiner(List<BinaryHead> stacked, List<BinaryHead> wordOnly, double topicEncoderWeight) {

    /** Features of the stacked heads: each family's log-odds, alone and times the text's shortness, and the shortness. */
    public static final List<String> STACKED_FEATURES = List.of("encoder_logit", "encoder_logit_short", "shortness",
            "word_logit", "word_logit_short");
    /** Features of the word-only heads. */
    public static final List<String> WORD_FEATURES = List.of("shortness", "word_logit", "word_logit_short");
    /** Tokens at which a text's shortness has fallen to 1/e. */
    private static final double SHORT_TOKENS = 5.0;

    private static final double EPSILON = 1e-6;

    public ScoreCombiner {
        int n = Attribute.values().length;
        if (stacked.size() != n || wordOnly.size() != n) {
            throw new IllegalArgumentException("need one stacked and one word-only head per attribute");
        }
        stacked = List.copyOf(stacked);
        wordOnly = List.copyOf(wordOnly);
    }

    /**
     * @param word    the word model's probabilities, in {@link Attribute} order
     * @param encoder the encoder model's, or null in fast mode
     * @param tokens  how many tokens the text has
     * @return calibrated probabilities, in {@link Attribute} order
     */
    public double[] attributes(double[] word, double[] encoder, int tokens) {
        double[] out = new double[word.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = encoder == null
                    ? wordOnly.get(a).probability(wordFeatures(word[a], tokens))
                    : stacked.get(a).probability(stackedFeatures(word[a], encoder[a], tokens));
        }
        return out;
    }

    /**
     * @param word   the word model's probability of one attribute
     * @param tokens the text's token count
     * @return the values of {@link #WORD_FEATURES}
     */
    public static double[] wordFeatures(double word, int tokens) {
        double shortness = shortness(tokens);
        double w = logit(word);
        return new double[] {shortness, w, w * shortness};
    }

    /**
     * @param word    the word model's probability of one attribute
     * @param encoder the encoder model's
     * @param tokens  the text's token count
     * @return the values of {@link #STACKED_FEATURES}
     */
    public static double[] stackedFeatures(double word, double encoder, int tokens) {
        double shortness = shortness(tokens);
        double w = logit(word);
        double e = logit(encoder);
        return new double[] {e, e * shortness, shortness, w, w * shortness};
    }

    /**
     * @param tokens a text's token count
     * @return 1 for an empty text, falling towards 0 as the text grows (1/e at {@value #SHORT_TOKENS} tokens)
     */
    public static double shortness(int tokens) {
        return Math.exp(-tokens / SHORT_TOKENS);
    }

    /**
     * @param word    the word model's topic probabilities, in {@link Topic} order
     * @param encoder the encoder model's, or null in fast mode
     * @return the combined topic scores
     */
    public double[] topics(double[] word, double[] encoder) {
        if (encoder == null) {
            return word;
        }
        return mix(word, encoder, topicEncoderWeight);
    }

    /**
     * @param a      one family's scores
     * @param b      the other's
     * @param weight weight of {@code b}
     * @return the weighted average
     */
    public static double[] mix(double[] a, double[] b, double weight) {
        double[] out = new double[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (1 - weight) * a[i] + weight * b[i];
        }
        return out;
    }

    /**
     * @param p a probability
     * @return its log-odds, with p kept away from 0 and 1
     */
    public static double logit(double p) {
        double q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        return Math.log(q / (1 - q));
    }
}
