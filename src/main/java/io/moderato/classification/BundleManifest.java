package io.moderato.classification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a model bundle says about itself ({@value BundleFiles#MANIFEST}): where it came from and how to read it.
 *
 * @param version             the bundle's version, also its directory name; sorts by creation time
 * @param createdAt           when training finished
 * @param features            how text becomes features for both models
 * @param attributeThresholds per attribute key, the score at or above which the attribute counts as present
 *                            (chosen for the best F1 on a validation split of the training data)
 * @param topicThresholds     per topic code, the score at or above which the topic is tagged
 * @param corpus              the data files the bundle was trained on, with their SHA-256
 * @param seed                the training seed
 * @param trainer             the trainer's configuration, as Tribuo describes it
 * @param trainingExamples    how many comments the models were trained on
 * @param heldOut             headline held-out figures (per attribute ROC AUC), empty when not evaluated
 */
public record BundleManifest(String version, Instant createdAt, FeatureSettings features,
                             Map<String, Double> attributeThresholds, Map<String, Double> topicThresholds,
                             List<DataFile> corpus, long seed, String trainer, int trainingExamples,
                             Map<String, Double> heldOut) {

    /**
     * One data file a bundle was trained on.
     *
     * @param path   path as given to the trainer
     * @param sha256 hex SHA-256 of the file's bytes
     * @param rows   comments read from it
     */
    public record DataFile(String path, String sha256, int rows) {
    }
}
