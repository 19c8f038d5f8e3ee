package io.moderato.stats;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StatsMathTest {

    @Test
    void bucketsStartOnWholeUtcHoursAndDays() {
        Instant from = Instant.parse("2026-11-20T10:15:00Z");
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), BucketSize.HOUR.startOf(from));
        assertEquals(Instant.parse("2026-11-20T00:00:00Z"), BucketSize.DAY.startOf(from));
        assertEquals(3, BucketSize.HOUR.count(from, Instant.parse("2026-11-20T12:30:00Z")));
        assertEquals(2, BucketSize.HOUR.count(from, Instant.parse("2026-11-20T12:00:00Z")));
        assertEquals(7, BucketSize.DAY.count(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-27T00:00:00Z")));
        assertEquals(BucketSize.HOUR, BucketSize.fromName("Hour").orElseThrow());
        assertEquals(false, BucketSize.fromName("week").isPresent());
    }

    @Test
    void medianOfOddEvenAndEmpty() {
        assertEquals(2.0, Median.of(new double[]{3, 1, 2}));
        assertEquals(2.5, Median.of(new double[]{4, 1, 3, 2}));
        assertNull(Median.of(new double[0]));
    }
}
