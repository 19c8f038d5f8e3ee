package io.moderato.training;

import io.moderato.classification.FeatureSettings;

/**
 * How a bundle is trained; every field ends up in the bundle's provenance.
 *
 * @param seed                 seed for the validation split and Tribuo's SGD shuffling
 * @param epochs               passes over the training data
 * @param learningRate         AdaGrad's initial learning rate
 * @param minDocumentFrequency a hashed feature is kept only when at least this many training comments have it
 * @param validationShare      share of the training comments held back to choose the thresholds
 * @param features             how text becomes features
 */
public record TrainingSettings(long seed, int epochs, double learningRate, int minDocumentFrequency,
                               double validationShare, FeatureSettings features) {

    /** The settings the project's bundles are trained with. */
    public static final TrainingSettings DEFAULT = new TrainingSettings(20261124L, 8, 0.1, 2, 0.15, FeatureSettings.DEFAULT);
}
