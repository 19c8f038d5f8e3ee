package io.moderato.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2));

    @Test
    void followsTheDelaysThenRepeatsTheLastThenGivesUp() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, 5, 0);
        SplittableRandom random = new SplittableRandom(1);
        assertEquals(Duration.ofSeconds(10), schedule.nextDelay(1, random));
        assertEquals(Duration.ofSeconds(30), schedule.nextDelay(2, random));
        assertEquals(Duration.ofMinutes(2), schedule.nextDelay(3, random));
        assertEquals(Duration.ofMinutes(2), schedule.nextDelay(4, random));
        assertNull(schedule.nextDelay(5, random), "the 5th attempt was the last");
    }

    @Test
    void jitterStaysWithinItsBoundsAndVaries() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, 10, 0.2);
        SplittableRandom random = new SplittableRandom(7);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 1000; i++) {
            long ms = schedule.nextDelay(1, random).toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertTrue(min >= 8000 && max <= 12000, min + ".." + max);
        assertTrue(max - min > 2000, "jitter spreads retries: " + min + ".." + max);
    }

    @Test
    void refusesUnsoundSettings() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(), 3, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(DELAYS, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(DELAYS, 3, 1.5));
    }
}
