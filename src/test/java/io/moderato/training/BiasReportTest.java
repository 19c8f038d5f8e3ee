package io.moderato.training;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiasReportTest {

    @Test
    void aModelThatScoresMereMentionsOfAGroupHighHasALowBpsnAucForIt() {
        List<String> texts = new ArrayList<>();
        List<Boolean> truth = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Background: the model ranks toxic above non-toxic.
            texts.add("this referee is useless " + i);
            truth.add(i % 2 == 0);
            scores.add(i % 2 == 0 ? 0.7 + i / 1000.0 : 0.2 + i / 1000.0);
            // Comments about Muslims: harmless ones score higher than the background's toxic ones.
            texts.add("my muslim neighbours cooked for the street " + i);
            truth.add(i % 4 == 0);
            scores.add(i % 4 == 0 ? 0.95 : 0.8);
        }
        boolean[] t = new boolean[truth.size()];
        double[] s = new double[scores.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = truth.get(i);
            s[i] = scores.get(i);
        }
        BiasReport report = BiasReport.of("test", texts, t, s);
        BiasReport.Subgroup muslim = report.subgroups().stream().filter(g -> g.name().equals("muslim")).findFirst().orElseThrow();
        assertEquals(40, muslim.size());
        assertEquals(10, muslim.positives());
        assertEquals(1.0, muslim.subgroupAuc(), 1e-9);
        assertEquals(0.0, muslim.bpsnAuc(), 1e-9);
        assertEquals(1.0, muslim.bnspAuc(), 1e-9);
        assertTrue(report.meanBpsnAuc() < 0.01);
        assertEquals(0.25 * (report.overallAuc() + report.meanSubgroupAuc() + report.meanBpsnAuc() + report.meanBnspAuc()),
                report.finalScore(), 1e-12);
    }

    @Test
    void theGeneralisedMeanWithPowerMinusFiveLeansToTheWorstValue() {
        assertEquals(0.8, BiasReport.generalisedMean(new double[]{0.8, 0.8}), 1e-12);
        double mean = BiasReport.generalisedMean(new double[]{0.5, 0.9, 0.9, 0.9});
        // The arithmetic mean is 0.8; p = -5 pulls it most of the way to the worst value.
        assertEquals(0.641, mean, 0.001);
        assertTrue(Double.isNaN(BiasReport.generalisedMean(new double[]{Double.NaN})));
    }

    @Test
    void everyCategoryOfTheIssueHasSubgroups() {
        List<String> categories = BiasReport.termLists().stream().map(BiasReport.Terms::category).distinct().toList();
        assertEquals(List.of("gender", "religion", "race or ethnicity", "nationality", "sexual orientation", "disability"),
                categories);
    }
}
