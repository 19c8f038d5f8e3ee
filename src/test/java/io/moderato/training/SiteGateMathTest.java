package io.moderato.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SiteGateMathTest {

    @Test
    void macroF1AveragesBothClassesF1AtTheThreshold() {
        boolean[] truth = {true, true, false, false, false};
        double[] scores = {0.9, 0.4, 0.6, 0.2, 0.1};
        // At 0.5: positives flagged {0.9, 0.6}: precision 1/2, recall 1/2, F1 0.5; negatives (below 0.5)
        // {0.4, 0.2, 0.1}: precision 2/3, recall 2/3, F1 2/3.
        assertEquals((0.5 + 2.0 / 3) / 2, SiteGate.macroF1(truth, scores, 0.5), 1e-12);
    }
}
