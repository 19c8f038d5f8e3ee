package io.moderato.training;

import io.moderato.TestModels;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteGateTest {

    @Test
    void aBundleWorseBeyondTheIntervalIsRefusedAndTheBetterOneIsPassed() {
        SiteGate.Verdict worse = WorseBundles.judge(WorseBundles.shuffledToxicity(), TestModels.full());
        assertFalse(worse.passed(), worse.report().toString());
        assertEquals(1, worse.reasons().size(), worse.reasons().toString());
        assertTrue(worse.reasons().get(0).startsWith("toxicity: ROC AUC"), worse.reasons().get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> toxicity = (Map<String, Object>) ((Map<String, Object>) worse.report().get("attributes")).get("toxicity");
        @SuppressWarnings("unchecked")
        Map<String, Object> difference = (Map<String, Object>) toxicity.get("rocAucDifference");
        assertTrue((Double) difference.get("high") < 0, difference.toString());
        assertEquals(600, worse.report().get("size"));

        SiteGate.Verdict better = WorseBundles.judge(TestModels.full(), WorseBundles.shuffledToxicity());
        assertTrue(better.passed(), better.reasons().toString());
        assertEquals(true, better.report().get("passed"));
    }
}
