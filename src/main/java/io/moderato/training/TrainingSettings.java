package io.moderato.training;

import io.moderato.classification.FeatureSettings;

/**
 * How a bundle is trained; every field ends up in the bundle's provenance.
 *
 * @param seed                 seed for the validation split, Tribuo's SGD shuffling and LibLinear
 * @param epochs               passes over the training data (word family)
 * @param learningRate         AdaGrad's initial learning rate (word family)
 * @param minDocumentFrequency a hashed feature is kept only when at least this many training comments have it
 * @param validationShare      share of the training comments held back to fit the combiner and the thresholds
 * @param features             how text becomes features (word family)
 * @param headCost             LibLinear's cost C for the encoder family's logistic-regression heads (inverse L2)
 * @param definitionCopies     how many times each IPTC topic definition joins the topic head's training data
 */
public record TrainingSettings(long seed, int epochs, double learningRate, int minDocumentFrequency,
                               double validationShare, FeatureSettings features, double headCost,
                               int definitionCopies) {

    /** The settings the project's bundles are trained with. */
    public static final TrainingSettings DEFAULT = new TrainingSettings(20261124L, 8, 0.1, 2, 0.15,
            FeatureSettings.DEFAULT, 4.0, 5);

    /**
     * @param epochs passes over the training data
     * @return these settings with another number of epochs
     */
    public TrainingSettings withEpochs(int epochs) {
        return new TrainingSettings(seed, epochs, learningRate, minDocumentFrequency, validationShare, features,
                headCost, definitionCopies);
    }

    /**
     * @param seed the training seed
     * @return these settings with another seed
     */
    public TrainingSettings withSeed(long seed) {
        return new TrainingSettings(seed, epochs, learningRate, minDocumentFrequency, validationShare, features,
                headCost, definitionCopies);
    }
}
