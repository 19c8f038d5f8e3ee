package io.moderato.training;

import io.moderato.classification.Classification;
import io.moderato.classification.ScoringMode;
import io.moderato.classification.Span;
import io.moderato.classification.TextClassifier;
import io.moderato.training.datasets.ToxicSpansSemEval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures the highlighted spans against the SemEval-2021 Task 5 gold spans: the character offsets of every span the
 * service would show (any attribute, fast mode, since spans come from the word family either way), scored with
 * {@link SpanF1}.
 */
public final class SpanEvaluation {

    /**
     * @param f1            the task's score: mean per-post F1 over all posts
     * @param f1WithGold    the mean over posts with at least one gold span
     * @param f1WithoutGold the mean over posts without
     */
    public record Result(double f1, double f1WithGold, double f1WithoutGold) {
    }

    /**
     * @param classifier the bundle to measure
     * @param posts      the gold posts
     * @return the figures
     */
    public Result evaluate(TextClassifier classifier, List<ToxicSpansSemEval.Post> posts) {
        List<Set<Integer>> predicted = new ArrayList<>(posts.size());
        List<Set<Integer>> gold = new ArrayList<>(posts.size());
        for (ToxicSpansSemEval.Post post : posts) {
            Classification c = classifier.classifyAll(List.of(post.text()), null, ScoringMode.FAST, true).get(0);
            Set<Integer> offsets = new HashSet<>();
            for (Span span : c.spans()) {
                offsets.addAll(SpanF1.offsets(span.begin(), span.end()));
            }
            predicted.add(post.fromCharOffsets(offsets));
            gold.add(post.spans());
        }
        List<Set<Integer>> pWith = new ArrayList<>();
        List<Set<Integer>> gWith = new ArrayList<>();
        List<Set<Integer>> pWithout = new ArrayList<>();
        List<Set<Integer>> gWithout = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            (gold.get(i).isEmpty() ? pWithout : pWith).add(predicted.get(i));
            (gold.get(i).isEmpty() ? gWithout : gWith).add(gold.get(i));
        }
        return new Result(SpanF1.mean(predicted, gold), pWith.isEmpty() ? Double.NaN : SpanF1.mean(pWith, gWith),
                pWithout.isEmpty() ? Double.NaN : SpanF1.mean(pWithout, gWithout));
    }
}
