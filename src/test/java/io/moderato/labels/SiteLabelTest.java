package io.moderato.labels;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteLabelTest {

    @Test
    void slicesAreFixedByTheIdAndEvenlyFilled() {
        int[] counts = new int[5];
        for (long id = 1; id <= 10_000; id++) {
            SiteLabel label = new SiteLabel(id, "s", LabelSource.IMPORT, "j", "t", Map.of(), "a", null);
            assertEquals(label.slice(5), new SiteLabel(id, "other", LabelSource.DECISION, "k", "u", Map.of(), "b", null).slice(5));
            counts[label.slice(5)]++;
        }
        for (int count : counts) {
            assertTrue(count > 1800 && count < 2200, java.util.Arrays.toString(counts));
        }
    }
}
