package io.moderato.training;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The toxic-spans metric of SemEval-2021 Task 5 (J. Pavlopoulos, J. Sorensen, L. Laugier, I. Androutsopoulos,
 * "SemEval-2021 Task 5: Toxic Spans Detection", Proc. SemEval-2021, pp. 59–69,
 * https://aclanthology.org/2021.semeval-1.6): for each post, the F1 between the predicted and the gold sets of toxic
 * character offsets; the system's score is the mean over posts. As in the task's scorer, a post with no gold offsets
 * scores 1 when nothing is predicted and 0 otherwise, and a post with gold offsets scores 0 when nothing is
 * predicted.
 */
public final class SpanF1 {

    private SpanF1() {
    }

    /**
     * The F1 of one post: {@code 2·|P∩G| / (|P| + |G|)}, which equals the harmonic mean of precision
     * {@code |P∩G|/|P|} and recall {@code |P∩G|/|G|}.
     *
     * @param predicted the predicted toxic character offsets
     * @param gold      the gold toxic character offsets
     * @return the F1 in [0, 1]: 1 when both sets are empty, 0 when exactly one is
     */
    public static double f1(Set<Integer> predicted, Set<Integer> gold) {
        if (predicted.isEmpty() || gold.isEmpty()) {
            return predicted.isEmpty() && gold.isEmpty() ? 1.0 : 0.0;
        }
        Set<Integer> smaller = predicted.size() <= gold.size() ? predicted : gold;
        Set<Integer> larger = smaller == predicted ? gold : predicted;
        int common = 0;
        for (Integer offset : smaller) {
            common += larger.contains(offset) ? 1 : 0;
        }
        return 2.0 * common / (predicted.size() + gold.size());
    }

    /**
     * The task's score: the mean of {@link #f1(Set, Set)} over posts.
     *
     * @param predicted the predicted offsets of each post
     * @param gold      the gold offsets of each post, in the same order
     * @return the mean F1, NaN when there are no posts
     * @throws IllegalArgumentException when the lists differ in length
     */
    public static double mean(List<Set<Integer>> predicted, List<Set<Integer>> gold) {
        if (predicted.size() != gold.size()) {
            throw new IllegalArgumentException(
                    "predicted has " + predicted.size() + " posts but gold has " + gold.size());
        }
        if (gold.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < gold.size(); i++) {
            sum += f1(predicted.get(i), gold.get(i));
        }
        return sum / gold.size();
    }

    /**
     * The offsets of a half-open character range, e.g. {@code offsets(2, 5)} is {2, 3, 4}.
     *
     * @param begin the first offset
     * @param end   one past the last offset; equal to {@code begin} for an empty range
     * @return the offsets, sorted and unmodifiable
     * @throws IllegalArgumentException when {@code begin} is negative or greater than {@code end}
     */
    public static Set<Integer> offsets(int begin, int end) {
        if (begin < 0 || begin > end) {
            throw new IllegalArgumentException("not a character range: [" + begin + ", " + end + ")");
        }
        TreeSet<Integer> offsets = new TreeSet<>();
        for (int i = begin; i < end; i++) {
            offsets.add(i);
        }
        return Collections.unmodifiableSortedSet(offsets);
    }
}
