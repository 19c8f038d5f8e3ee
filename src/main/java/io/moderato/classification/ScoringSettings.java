package io.moderato.classification;

/**
 * Serving-time choices that do not change the models.
 *
 * @param sentenceMinLength comments at least this long (chars) with two or more sentences are also scored by sentence
 * @param spanMinScore      spans are found for attributes scoring at least this
 * @param maxTopics         at most this many topics are returned
 * @param contextWeight     weight of the article's topics when an article is given (0 ignores the article)
 */
public record ScoringSettings(int sentenceMinLength, double spanMinScore, int maxTopics, double contextWeight) {

    /** Defaults matching the service's configuration defaults. */
    public static final ScoringSettings DEFAULT = new ScoringSettings(200, 0.1, 3, 0.5);
}
