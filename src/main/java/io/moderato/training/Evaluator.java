package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.ModelFamily;
import io.moderato.classification.ScoringMode;
import io.moderato.classification.TextClassifier;
import io.moderato.classification.Topic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Measures a bundle on a labelled data set, scoring each text the way the service does: each model family alone
 * (its raw probabilities, F1 at 0.5) and the combined, calibrated verdict (F1 at the bundle's thresholds).
 */
public final class Evaluator {

    /** Which scores a report is about. */
    public enum Scores {
        /** The word family's raw probabilities. */
        WORD,
        /** The encoder family's raw probabilities. */
        ENCODER,
        /** The calibrated word-only verdict: what the fast mode serves. */
        FAST,
        /** The combined verdict: what the full mode serves. */
        COMBINED
    }

    /**
     * One report per kind of score: word family, encoder family (when embeddings are given) and the verdict the
     * service serves (combined with embeddings, fast without).
     *
     * @param classifier the bundle to measure
     * @param embeddings per text its embedding, or null to measure the word family alone
     * @param dataset    a name for the reports
     * @param data       the labelled texts
     * @return the reports, keyed by kind
     */
    public Map<Scores, EvaluationReport> evaluateFamilies(TextClassifier classifier, float[][] embeddings,
                                                          String dataset, List<LabelledText> data) {
        List<TextClassifier.FamilyBreakdown> scored = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            scored.add(classifier.breakdown(data.get(i).text(), embeddings == null ? null : embeddings[i]));
        }
        Map<Scores, EvaluationReport> reports = new LinkedHashMap<>();
        reports.put(Scores.WORD, report(classifier, dataset + " · " + ModelFamily.WORD.name().toLowerCase() + " family",
                data, scored, TextClassifier.FamilyBreakdown::wordAttributes, TextClassifier.FamilyBreakdown::wordTopics,
                attribute -> 0.5));
        if (embeddings != null) {
            reports.put(Scores.ENCODER, report(classifier, dataset + " · encoder family", data, scored,
                    TextClassifier.FamilyBreakdown::encoderAttributes, TextClassifier.FamilyBreakdown::encoderTopics,
                    attribute -> 0.5));
            reports.put(Scores.COMBINED, report(classifier, dataset + " · combined (full mode)", data, scored,
                    TextClassifier.FamilyBreakdown::fullAttributes, TextClassifier.FamilyBreakdown::topics,
                    attribute -> classifier.bundle().threshold(attribute, ScoringMode.FULL)));
        } else {
            reports.put(Scores.FAST, report(classifier, dataset + " · calibrated word family (fast mode)", data, scored,
                    TextClassifier.FamilyBreakdown::fastAttributes, TextClassifier.FamilyBreakdown::topics,
                    attribute -> classifier.bundle().threshold(attribute, ScoringMode.FAST)));
        }
        return reports;
    }

    private static EvaluationReport report(TextClassifier classifier, String dataset, List<LabelledText> data,
                                           List<TextClassifier.FamilyBreakdown> scored,
                                           java.util.function.Function<TextClassifier.FamilyBreakdown, double[]> attributeScores,
                                           java.util.function.Function<TextClassifier.FamilyBreakdown, double[]> topicScores,
                                           ToDoubleFunction<Attribute> threshold) {
        Set<Attribute> labelled = EnumSet.noneOf(Attribute.class);
        Set<Topic> topicsSeen = EnumSet.noneOf(Topic.class);
        for (LabelledText text : data) {
            labelled.addAll(text.attributes().keySet());
            topicsSeen.addAll(text.topics());
        }
        Map<String, Metrics.Binary> attributes = new LinkedHashMap<>();
        for (Attribute attribute : labelled) {
            List<Integer> rows = IntStream.range(0, data.size())
                    .filter(i -> data.get(i).attributes().containsKey(attribute)).boxed().toList();
            boolean[] truth = new boolean[rows.size()];
            double[] predicted = new double[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                truth[k] = data.get(rows.get(k)).attributes().get(attribute);
                predicted[k] = attributeScores.apply(scored.get(rows.get(k)))[attribute.ordinal()];
            }
            attributes.put(attribute.key(), Metrics.binary(truth, predicted, threshold.applyAsDouble(attribute)));
        }
        EvaluationReport.TopicFigures topics = null;
        if (!topicsSeen.isEmpty()) {
            double[][] scores = scored.stream().map(topicScores).toArray(double[][]::new);
            topics = topicFigures(classifier, data, scores, topicsSeen);
        }
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
