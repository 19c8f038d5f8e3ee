package io.moderato.stats;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The period arithmetic behind the stats buckets, including instants before 1970. */
class BucketSizeTest {

    @Test
    void indexCountsWholeBucketsFromTheEpoch() {
        assertEquals(0, BucketSize.DAY.index(Instant.EPOCH));
        assertEquals(0, BucketSize.DAY.index(Instant.parse("1970-01-01T23:59:59Z")));
        assertEquals(1, BucketSize.DAY.index(Instant.parse("1970-01-02T00:00:00Z")));
        assertEquals(-1, BucketSize.DAY.index(Instant.parse("1969-12-31T00:00:01Z")), "floored, not truncated towards zero");
        assertEquals(-1, BucketSize.HOUR.index(Instant.parse("1969-12-31T23:00:00Z")));
        assertEquals(490_896, BucketSize.HOUR.index(Instant.parse("2026-01-01T00:30:00Z")));
    }

    @Test
    void countCoversThePeriodFromTheFirstBucketStart() {
        assertEquals(2, BucketSize.DAY.count(Instant.parse("2026-11-01T12:00:00Z"), Instant.parse("2026-11-03T00:00:00Z")));
        assertEquals(3, BucketSize.DAY.count(Instant.parse("2026-11-01T12:00:00Z"), Instant.parse("2026-11-03T00:00:01Z")));
        assertEquals(1, BucketSize.HOUR.count(Instant.parse("2026-11-01T12:10:00Z"), Instant.parse("2026-11-01T12:20:00Z")));
        assertEquals(48, BucketSize.HOUR.count(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("1970-01-03T00:00:00Z")));
    }

    @Test
    void aRowsBucketIsItsIndexMinusTheFirstBucketsIndex() {
        Instant from = Instant.parse("2026-11-01T12:00:00Z");
        Instant comment = Instant.parse("2026-11-03T08:00:00Z");
        assertEquals(2, BucketSize.DAY.index(comment) - BucketSize.DAY.index(BucketSize.DAY.startOf(from)));
    }
}
