package io.moderato.classification;

import java.util.Map;

/**
 * The calibration of a site's bundle to the site's own labels ({@value BundleFiles#CALIBRATION} in the bundle): per
 * attribute and scoring mode, the map its scores go through before they are served. An attribute or mode without
 * one is served as the bundle's combiner scores it (no calibration fitted, or none measured better than none).
 *
 * @param siteId     the site whose labels it was fitted on
 * @param fittedOn   which labels it was fitted on, in words
 * @param attributes per attribute key, per mode key ({@code full}, {@code fast}), the calibration
 */
public record SiteCalibration(String siteId, String fittedOn, Map<String, Map<String, ScoreCalibration>> attributes) {

    public SiteCalibration {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * @param attribute an attribute
     * @param mode      the mode the score was computed in
     * @return the calibration of that attribute in that mode, or null when it is served as it is
     */
    public ScoreCalibration of(Attribute attribute, ScoringMode mode) {
        Map<String, ScoreCalibration> modes = attributes.get(attribute.key());
        return modes == null ? null : modes.get(mode.key());
    }

    /**
     * @param scores per attribute (in {@link Attribute} order) a score in that mode; calibrated in place
     * @param mode   the mode the scores were computed in
     * @return the same array
     */
    public double[] apply(double[] scores, ScoringMode mode) {
        for (Attribute attribute : Attribute.values()) {
            ScoreCalibration calibration = of(attribute, mode);
            if (calibration != null) {
                scores[attribute.ordinal()] = calibration.apply(scores[attribute.ordinal()]);
            }
        }
        return scores;
    }
}
