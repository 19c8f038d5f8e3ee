package io.moderato.training;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    @Test
    void theIntervalHoldsTheFigureIsReproducibleAndNarrowsWithMoreRows() {
        double[] widths = new double[2];
        int[] sizes = {200, 3200};
        for (int k = 0; k < 2; k++) {
            Random random = new Random(3);
            boolean[] truth = new boolean[sizes[k]];
            double[] scores = new double[sizes[k]];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = random.nextBoolean();
                scores[i] = (truth[i] ? 0.3 : 0) + random.nextDouble();
            }
            Bootstrap.Interval interval = Bootstrap.interval(truth, new double[][]{scores}, (t, s) -> SiteGate.auc(t, s[0]));
            assertTrue(interval.low() <= interval.value() && interval.value() <= interval.high(), interval.toString());
            assertEquals(interval, Bootstrap.interval(truth, new double[][]{scores}, (t, s) -> SiteGate.auc(t, s[0])));
            widths[k] = interval.high() - interval.low();
        }
        assertTrue(widths[1] < widths[0] / 2, java.util.Arrays.toString(widths));
    }
}
