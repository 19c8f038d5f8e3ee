package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.TextClassifier;
import io.moderato.classification.Topic;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Measures a bundle on a labelled data set, scoring each text the way the service does. */
public final class Evaluator {

    /**
     * @param classifier the bundle to measure, with the service's scoring settings
     * @param dataset    a name for the report
     * @param data       the labelled texts
     * @return per-attribute and topic figures
     */
    public EvaluationReport evaluate(TextClassifier classifier, String dataset, List<LabelledText> data) {
        Set<Attribute> labelled = EnumSet.noneOf(Attribute.class);
        Set<Topic> topicsSeen = EnumSet.noneOf(Topic.class);
        for (LabelledText text : data) {
            labelled.addAll(text.attributes().keySet());
            topicsSeen.addAll(text.topics());
        }
        double[][] attributeScores = new double[data.size()][];
        double[][] topicScores = topicsSeen.isEmpty() ? null : new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            Map<Attribute, Double> scores = classifier.scoreAttributes(data.get(i).text());
            attributeScores[i] = scores.values().stream().mapToDouble(Double::doubleValue).toArray();
            if (topicScores != null) {
                topicScores[i] = classifier.scoreTopics(data.get(i).text(), null).values().stream()
                        .mapToDouble(Double::doubleValue).toArray();
            }
        }
        Map<String, Metrics.Binary> attributes = new LinkedHashMap<>();
        for (Attribute attribute : labelled) {
            List<Integer> rows = java.util.stream.IntStream.range(0, data.size())
                    .filter(i -> data.get(i).attributes().containsKey(attribute)).boxed().toList();
            boolean[] truth = new boolean[rows.size()];
            double[] predicted = new double[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                truth[k] = data.get(rows.get(k)).attributes().get(attribute);
                predicted[k] = attributeScores[rows.get(k)][attribute.ordinal()];
            }
            attributes.put(attribute.key(), Metrics.binary(truth, predicted, classifier.bundle().threshold(attribute)));
        }
        EvaluationReport.TopicFigures topics = topicScores == null ? null
                : topicFigures(classifier, data, topicScores, topicsSeen);
        return new EvaluationReport(dataset, classifier.bundle().version(), data.size(), attributes, topics);
    }

    private static EvaluationReport.TopicFigures topicFigures(TextClassifier classifier, List<LabelledText> data,
                                                              double[][] scores, Set<Topic> topicsSeen) {
        int top1 = 0;
        int restricted = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int counted = 0;
        for (int i = 0; i < data.size(); i++) {
            Set<Topic> truth = data.get(i).topics();
            if (truth.isEmpty()) {
                continue;
            }
            counted++;
            Topic best = null;
            Topic bestSeen = null;
            for (Topic topic : Topic.values()) {
                double score = scores[i][topic.ordinal()];
                if (best == null || score > scores[i][best.ordinal()]) {
                    best = topic;
                }
                if (topicsSeen.contains(topic) && (bestSeen == null || score > scores[i][bestSeen.ordinal()])) {
                    bestSeen = topic;
                }
                boolean tagged = score >= classifier.bundle().threshold(topic);
                boolean actual = truth.contains(topic);
                if (tagged && actual) {
                    tp++;
                } else if (tagged) {
                    fp++;
                } else if (actual) {
                    fn++;
                }
            }
            top1 += truth.contains(best) ? 1 : 0;
            restricted += truth.contains(bestSeen) ? 1 : 0;
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new EvaluationReport.TopicFigures((double) top1 / counted, (double) restricted / counted, f1);
    }
}
