package io.moderato.training;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibratorTest {

    /** Scores that are too confident: the true chance of a score s is 0.5 + (s - 0.5) / 2. */
    private static Object[] overconfident(int n, long seed) {
        Random random = new Random(seed);
        boolean[] truth = new boolean[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
            truth[i] = random.nextDouble() < 0.5 + (scores[i] - 0.5) / 2;
        }
        return new Object[]{truth, scores};
    }

    @Test
    void bothMethodsShrinkTheErrorOfOverconfidentScoresAndTheBetterOneIsKept() {
        Object[] data = overconfident(4000, 7);
        Calibrator.Choice choice = Calibrator.choose((boolean[]) data[0], (double[]) data[1]);
        assertTrue(choice.eceBefore() > 0.1, "before " + choice.eceBefore());
        assertTrue(choice.ecePlatt() < 0.05, "platt " + choice.ecePlatt());
        assertTrue(choice.eceIsotonic() < 0.06, "isotonic " + choice.eceIsotonic());
        assertEquals(Math.min(choice.ecePlatt(), choice.eceIsotonic()), choice.eceAfter());
        assertEquals(choice.ecePlatt() <= choice.eceIsotonic() ? "platt" : "isotonic", choice.chosen().method());
    }

    @Test
    void calibrationKeepsTheOrderOfScores() {
        Object[] data = overconfident(2000, 11);
        for (io.moderato.classification.ScoreCalibration c : new io.moderato.classification.ScoreCalibration[]{Calibrator.platt((boolean[]) data[0], (double[]) data[1]),
                Calibrator.isotonic((boolean[]) data[0], (double[]) data[1])}) {
            double previous = -1;
            for (double s = 0; s <= 1.0; s += 0.01) {
                double calibrated = c.apply(s);
                assertTrue(calibrated > previous, c.method() + " at " + s + ": the order of scores is kept strictly");
                assertTrue(calibrated >= 0 && calibrated <= 1);
                previous = calibrated;
            }
            assertEquals(0.75, c.apply(0.99), 0.1, c.method());
        }
    }

    @Test
    void plattRecoversAShiftEvenWhenScoresSitAtTheExtremes() {
        // A confident model (log-odds spread to ±14, as the epsilon-clipped extremes) whose site marks with the
        // chance its log-odds less 2.5 give: a full Newton step from (1, 0) overshoots here; the fit must still land.
        Random random = new Random(23);
        int n = 600;
        boolean[] truth = new boolean[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double logOdds = (random.nextDouble() * 2 - 1) * 14;
            scores[i] = 1 / (1 + Math.exp(-logOdds));
            truth[i] = random.nextDouble() < 1 / (1 + Math.exp(-(logOdds - 2.5)));
        }
        io.moderato.classification.ScoreCalibration fit = Calibrator.platt(truth, scores);
        assertEquals(1.0, fit.slope(), 0.3, "slope");
        assertEquals(-2.5, fit.offset(), 0.8, "offset");
        Calibrator.Choice choice = Calibrator.choose(truth, scores);
        assertTrue(choice.ecePlatt() < choice.eceBefore() / 2, "platt " + choice.ecePlatt() + " against raw " + choice.eceBefore());
    }
}
