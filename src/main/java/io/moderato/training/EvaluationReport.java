package io.moderato.training;

import java.util.Map;

/**
 * A bundle's figures on one labelled data set.
 *
 * @param dataset      the data set's name
 * @param modelVersion the bundle evaluated
 * @param size         how many texts were scored
 * @param attributes   per attribute the data set labels, its figures at the bundle's threshold
 * @param topics       topic figures, null when the data set has no topics
 */
public record EvaluationReport(String dataset, String modelVersion, int size, Map<String, Metrics.Binary> attributes,
                               TopicFigures topics) {

    /**
     * Topic figures.
     *
     * @param top1Accuracy       share of texts whose highest-scoring topic is one of their topics
     * @param restrictedAccuracy the same, choosing only among the topics that occur in the data set
     * @param microF1            F1 over all (text, topic) pairs at the bundle's topic thresholds
     */
    public record TopicFigures(double top1Accuracy, double restrictedAccuracy, double microF1) {
    }
}
