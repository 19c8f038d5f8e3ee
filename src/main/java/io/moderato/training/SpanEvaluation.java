package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.Classification;
import io.moderato.classification.Span;
import io.moderato.classification.TextClassifier;
import io.moderato.training.datasets.ToxicSpansSemEval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures the highlighted spans against the SemEval-2021 Task 5 gold spans: the character offsets of the toxicity
 * spans the service would show (the task's gold marks what makes a post toxic), scored with {@link SpanF1}. Spans
 * come from the word family in either mode, but whether a comment gets any depends on its verdict, so the posts are
 * scored in full mode when their embeddings are given.
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
     * @param embeddings per post its embedding (full mode), or null (fast mode)
     * @return the figures
     */
    public Result evaluate(TextClassifier classifier, List<ToxicSpansSemEval.Post> posts, float[][] embeddings) {
        List<Set<Integer>> predicted = new ArrayList<>(posts.size());
        List<Set<Integer>> gold = new ArrayList<>(posts.size());
        for (int p = 0; p < posts.size(); p++) {
            ToxicSpansSemEval.Post post = posts.get(p);
            Classification c = classifier.classifyEmbedded(post.text(), embeddings == null ? null : embeddings[p]);
            Set<Integer> offsets = new HashSet<>();
            for (Span span : c.spans()) {
                if (span.attribute() == Attribute.TOXICITY) {
                    offsets.addAll(SpanF1.offsets(span.begin(), span.end()));
                }
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
