package io.moderato.classification;

/**
 * How text becomes features; saved in every model bundle so a bundle is always read the way it was trained.
 *
 * @param hashBits     features are hashed into {@code 2^hashBits} buckets, which bounds the model's size
 * @param charNgramMin shortest character n-gram taken inside a word (with word-boundary marks)
 * @param charNgramMax longest character n-gram taken inside a word
 * @param wordBigrams  whether pairs of neighbouring words are features too
 */
public record FeatureSettings(int hashBits, int charNgramMin, int charNgramMax, boolean wordBigrams) {

    /** The settings new bundles are trained with. */
    public static final FeatureSettings DEFAULT = new FeatureSettings(18, 3, 5, true);

    public FeatureSettings {
        if (hashBits < 8 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be within 8..24, was " + hashBits);
        }
        if (charNgramMin < 1 || charNgramMax < charNgramMin) {
            throw new IllegalArgumentException("bad character n-gram range " + charNgramMin + ".." + charNgramMax);
        }
    }
}
