package io.moderato.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    @Test
    void perfectAndInvertedRankings() {
        boolean[] truth = {true, true, false, false};
        Metrics.Binary perfect = Metrics.binary(truth, new double[] {0.9, 0.8, 0.2, 0.1}, 0.5);
        assertEquals(1.0, perfect.rocAuc(), 1e-9);
        assertEquals(1.0, perfect.prAuc(), 1e-9);
        assertEquals(1.0, perfect.f1(), 1e-9);
        assertEquals(0.0, Metrics.binary(truth, new double[] {0.1, 0.2, 0.8, 0.9}, 0.5).rocAuc(), 1e-9);
    }

    @Test
    void f1AtAThreshold() {
        boolean[] truth = {true, false, true, false};
        Metrics.Binary m = Metrics.binary(truth, new double[] {0.9, 0.8, 0.3, 0.1}, 0.5);
        assertEquals(0.5, m.precision(), 1e-9);
        assertEquals(0.5, m.recall(), 1e-9);
        assertEquals(0.5, m.f1(), 1e-9);
        assertEquals(2, m.positives());
    }

    @Test
    void bestThresholdSeparatesTheClassesWhenItCan() {
        boolean[] truth = {true, true, false, false, false};
        double threshold = Metrics.bestF1Threshold(truth, new double[] {0.9, 0.7, 0.4, 0.3, 0.1});
        assertTrue(threshold > 0.4 && threshold <= 0.7, "threshold " + threshold);
        assertEquals(0.5, Metrics.bestF1Threshold(new boolean[] {false, false}, new double[] {0.3, 0.2}));
    }

    @Test
    void undefinedFiguresAreNaN() {
        Metrics.Binary m = Metrics.binary(new boolean[] {false, false}, new double[] {0.3, 0.2}, 0.5);
        assertTrue(Double.isNaN(m.rocAuc()) && Double.isNaN(m.prAuc()));
    }
}
