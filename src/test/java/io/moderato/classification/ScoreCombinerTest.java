package io.moderato.classification;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreCombinerTest {

    @Test
    void logitIsTheInverseOfTheSigmoidAndStaysFinite() {
        for (double p : new double[] {0.01, 0.2, 0.5, 0.8, 0.99}) {
            assertEquals(p, LinearMultiLabelModel.sigmoid(ScoreCombiner.logit(p)), 1e-12);
        }
        assertTrue(Double.isFinite(ScoreCombiner.logit(0)));
        assertTrue(Double.isFinite(ScoreCombiner.logit(1)));
        assertTrue(ScoreCombiner.logit(1) > ScoreCombiner.logit(0.999));
    }

    @Test
    void mixWeighsTheSecondFamily() {
        assertArrayEquals(new double[] {0.25, 0.75}, ScoreCombiner.mix(new double[] {0, 1}, new double[] {1, 0}, 0.25), 1e-12);
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            double[] a = {random.nextDouble(), random.nextDouble()};
            double[] b = {random.nextDouble(), random.nextDouble()};
            double w = random.nextDouble();
            double[] m = ScoreCombiner.mix(a, b, w);
            for (int k = 0; k < 2; k++) {
                assertTrue(m[k] >= Math.min(a[k], b[k]) - 1e-12 && m[k] <= Math.max(a[k], b[k]) + 1e-12);
            }
        }
    }
}
