package io.moderato.training;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SemEval-2021 Task 5 span F1 on hand-computed cases and random sets. */
class SpanF1Test {

    @Test
    void bothEmptyScoresOne() {
        assertEquals(1.0, SpanF1.f1(Set.of(), Set.of()));
    }

    @Test
    void exactlyOneEmptyScoresZero() {
        assertEquals(0.0, SpanF1.f1(Set.of(1, 2), Set.of()));
        assertEquals(0.0, SpanF1.f1(Set.of(), Set.of(1, 2)));
    }

    @Test
    void disjointScoresZero() {
        assertEquals(0.0, SpanF1.f1(Set.of(1, 2), Set.of(3, 4)));
    }

    @Test
    void partialOverlapByHand() {
        // predicted {0,1,2,3}, gold {2..7}: 2 in common; precision 2/4, recall 2/6, F1 = 2·(1/2·1/3)/(1/2+1/3) = 0.4
        assertEquals(0.4, SpanF1.f1(SpanF1.offsets(0, 4), SpanF1.offsets(2, 8)), 1e-12);
        // predicted {5}, gold {4,5,6}: precision 1, recall 1/3, F1 = 0.5
        assertEquals(0.5, SpanF1.f1(Set.of(5), Set.of(4, 5, 6)), 1e-12);
    }

    @Test
    void meanOverPosts() {
        List<Set<Integer>> predicted = List.of(Set.of(), Set.of(1), SpanF1.offsets(0, 4));
        List<Set<Integer>> gold = List.of(Set.of(), Set.of(), SpanF1.offsets(2, 8));
        assertEquals((1.0 + 0.0 + 0.4) / 3, SpanF1.mean(predicted, gold), 1e-12);
        assertTrue(Double.isNaN(SpanF1.mean(List.of(), List.of())));
        assertThrows(IllegalArgumentException.class, () -> SpanF1.mean(List.of(Set.of()), List.of()));
    }

    @Test
    void offsetsAreHalfOpen() {
        assertEquals(Set.of(2, 3, 4), SpanF1.offsets(2, 5));
        assertEquals(Set.of(), SpanF1.offsets(3, 3));
        assertThrows(IllegalArgumentException.class, () -> SpanF1.offsets(5, 2));
        assertThrows(IllegalArgumentException.class, () -> SpanF1.offsets(-1, 2));
    }

    @Test
    void randomSetsAreSymmetricBoundedAndMatchPrecisionRecall() {
        Random random = new Random(20210805);
        for (int trial = 0; trial < 2000; trial++) {
            Set<Integer> a = randomSet(random);
            Set<Integer> b = randomSet(random);
            double f1 = SpanF1.f1(a, b);
            assertEquals(f1, SpanF1.f1(b, a), 0.0, () -> a + " vs " + b);
            assertTrue(f1 >= 0.0 && f1 <= 1.0, () -> a + " vs " + b + ": " + f1);
            assertEquals(1.0, SpanF1.f1(a, new HashSet<>(a)));
            Set<Integer> common = new HashSet<>(a);
            common.retainAll(b);
            if (!common.isEmpty()) {
                double precision = (double) common.size() / a.size();
                double recall = (double) common.size() / b.size();
                assertEquals(2 * precision * recall / (precision + recall), f1, 1e-12);
            } else if (!a.isEmpty() || !b.isEmpty()) {
                assertEquals(0.0, f1);
            }
        }
    }

    private static Set<Integer> randomSet(Random random) {
        Set<Integer> set = new HashSet<>();
        int size = random.nextInt(6) == 0 ? 0 : random.nextInt(30);
        for (int i = 0; i < size; i++) {
            set.add(random.nextInt(50));
        }
        return set;
    }
}
