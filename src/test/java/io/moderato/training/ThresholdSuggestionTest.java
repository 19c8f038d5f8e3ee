package io.moderato.training;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThresholdSuggestionTest {

    @Test
    void theReviewThresholdHoldsTheTargetShareAndTheCountsFollow() {
        // Ten rejected comments scoring 0.1 .. 1.0, ten approved ones scoring 0.05 .. 0.5.
        boolean[] truth = new boolean[20];
        double[] scores = new double[20];
        for (int i = 0; i < 10; i++) {
            truth[i] = true;
            scores[i] = (i + 1) / 10.0;
            scores[10 + i] = (i + 1) / 20.0;
        }
        assertEquals(0.2, ThresholdSuggestion.thresholdForRecall(truth, scores, 0.9), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> review = (Map<String, Object>) ThresholdSuggestion.suggest(truth, scores, 0.9, 0.98).get("review");
        assertEquals(9, review.get("truePositives"));
        assertEquals(1, review.get("falseNegatives"));
        assertEquals(7, review.get("falsePositives"));
        assertEquals(3, review.get("trueNegatives"));
    }
}
