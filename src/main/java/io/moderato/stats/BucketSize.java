package io.moderato.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The width of a dashboard's time buckets; buckets start on whole UTC hours or days. */
public enum BucketSize {
    /** One hour. */
    HOUR(ChronoUnit.HOURS),
    /** One UTC day. */
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    BucketSize(ChronoUnit unit) {
        this.unit = unit;
    }

    /** @return the bucket's length */
    public Duration length() {
        return unit.getDuration();
    }

    /**
     * @param instant any instant
     * @return the start of the bucket holding it
     */
    public Instant startOf(Instant instant) {
        return instant.truncatedTo(unit);
    }

    /**
     * @param from start of a period (inclusive)
     * @param to   end of the period (exclusive), after {@code from}
     * @return how many buckets cover the period
     */
    public long count(Instant from, Instant to) {
        long span = Duration.between(startOf(from), to).toSeconds();
        long width = length().toSeconds();
        return (span + width - 1) / width;
    }

    /**
     * @param instant any instant
     * @return the number of whole buckets between the epoch and the bucket holding it (negative before 1970)
     */
    public long index(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), length().toSeconds());
    }

    /**
     * @param name {@code hour} or {@code day}, any case
     * @return the size, if known
     */
    public static Optional<BucketSize> fromName(String name) {
        return Arrays.stream(values()).filter(b -> b.name().equals(name.toUpperCase(Locale.ROOT))).findFirst();
    }
}
