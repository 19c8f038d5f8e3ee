package io.moderato.classification;

import io.moderato.embedding.EncoderIdentity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a model bundle says about itself ({@value BundleFiles#MANIFEST}): where it came from and how to read it.
 *
 * @param version                 the bundle's version, also its directory name; sorts by creation time
 * @param createdAt               when training finished
 * @param features                how text becomes features for the word family
 * @param lexiconSha256           hex SHA-256 of the bundle's lexicon copy
 * @param encoder                 the sentence encoder the encoder family was trained on; the bundle loads only
 *                                against the same one
 * @param attributeThresholds     per attribute key, the calibrated score at or above which the attribute counts as
 *                                present in full mode (the best F1 on the validation split)
 * @param fastAttributeThresholds the same for the fast (word-only) mode
 * @param topicThresholds         per topic code, the score at or above which the topic is tagged
 * @param topicEncoderWeight      weight of the encoder family's topic probabilities in the combined topic scores
 * @param corpus                  the data files the bundle was trained on, with their SHA-256
 * @param seed                    the training seed
 * @param trainer                 the trainers' configuration, as Tribuo describes them
 * @param trainingExamples        comments the family models were trained on
 * @param validationExamples      comments the combiner and thresholds were fitted on
 * @param calibration             per attribute key, the expected calibration error on the validation split
 * @param precisionThresholds     per attribute key, the full-mode scores at which holding and rejecting reach the
 *                                precisions a default policy aims for, on the validation split
 * @param heldOut                 headline held-out figures (per attribute ROC AUC), empty when not evaluated
 * @param siteId                  the site whose labels the bundle also learnt from (it can be live for that site
 *                                only), or null for a shared bundle trained on the corpus alone
 */
public record BundleManifest(String version, Instant createdAt, FeatureSettings features, String lexiconSha256,
                             EncoderIdentity encoder, Map<String, Double> attributeThresholds,
                             Map<String, Double> fastAttributeThresholds, Map<String, Double> topicThresholds,
                             double topicEncoderWeight, List<DataFile> corpus, long seed, String trainer, int trainingExamples,
                             int validationExamples, Map<String, Calibration> calibration,
                             Map<String, PrecisionThresholds> precisionThresholds, Map<String, Double> heldOut,
                             String siteId) {

    /**
     * One data file a bundle was trained on.
     *
     * @param path   path as given to the trainer
     * @param sha256 hex SHA-256 of the file's bytes
     * @param rows   comments read from it
     */
    public record DataFile(String path, String sha256, int rows) {
    }

    /**
     * Expected calibration error (10 equal-width bins) of one attribute on the validation split.
     *
     * @param wordModel    the word model's raw probabilities
     * @param encoderModel the encoder model's raw probabilities
     * @param fast         the calibrated word-only score (fast mode)
     * @param combined     the calibrated combined score (full mode)
     */
    public record Calibration(double wordModel, double encoderModel, double fast, double combined) {
    }

    /**
     * Scores at which acting on an attribute reaches a target precision on the validation split (null when no score
     * does).
     *
     * @param review the lowest score at which at least 85% of the comments held would be ones most raters mark
     * @param reject the lowest score at which at least 98% would be
     */
    public record PrecisionThresholds(Double review, Double reject) {
    }

    /**
     * @param heldOut headline held-out figures
     * @return this manifest with those figures
     */
    public BundleManifest withHeldOut(Map<String, Double> heldOut) {
        return new BundleManifest(version, createdAt, features, lexiconSha256, encoder, attributeThresholds,
                fastAttributeThresholds, topicThresholds, topicEncoderWeight, corpus, seed, trainer, trainingExamples, validationExamples,
                calibration, precisionThresholds, heldOut, siteId);
    }

    /**
     * @param corpus the data files behind the bundle, held-out split included
     * @return this manifest naming those files
     */
    public BundleManifest withCorpus(List<DataFile> corpus) {
        return new BundleManifest(version, createdAt, features, lexiconSha256, encoder, attributeThresholds,
                fastAttributeThresholds, topicThresholds, topicEncoderWeight, corpus, seed, trainer, trainingExamples, validationExamples,
                calibration, precisionThresholds, heldOut, siteId);
    }

    /**
     * @param siteId the site whose labels the bundle learnt from
     * @return this manifest naming that site
     */
    public BundleManifest withSiteId(String siteId) {
        return new BundleManifest(version, createdAt, features, lexiconSha256, encoder, attributeThresholds,
                fastAttributeThresholds, topicThresholds, topicEncoderWeight, corpus, seed, trainer, trainingExamples, validationExamples,
                calibration, precisionThresholds, heldOut, siteId);
    }
}
