package io.moderato.stats.rest;

import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.policy.SiteIds;
import io.moderato.problem.RequestChecks;
import io.moderato.stats.BucketSize;
import io.moderato.stats.service.DashboardStats;
import io.moderato.stats.service.StatsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;

/** Dashboard figures for one site and period. */
@Path("/api/v1/stats")
@Tag(name = "Stats")
@RolesAllowed(Roles.MODERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    /** Most buckets one request may ask for. */
    static final int MAX_BUCKETS = 10_000;
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    /** Earliest instant a period may start at: no comment predates the epoch. */
    static final Instant EARLIEST = Instant.EPOCH;
    /** Latest instant a period may end at. */
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final StatsService stats;
    private final CurrentCaller caller;

    public StatsResource(StatsService stats, CurrentCaller caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Dashboard figures for a site",
            description = "Comments received in [from, to) (default: the last 7 days), per hour or day bucket (default day) "
                    + "by status and machine decision; per attribute over the site's review threshold; per topic; the ten "
                    + "articles with most held or rejected comments; moderators' decisions and time to decision; and the "
                    + "review queue's size and age now.")
    public DashboardStats get(@QueryParam("siteId") String siteId, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("bucket") String bucket) {
        RequestChecks checks = new RequestChecks();
        checks.require(SiteIds.isValid(siteId), "siteId",
                siteId == null ? "is required" : "must be 1 to 100 letters, digits, dots, dashes or underscores");
        Instant fromTime = checks.optionalInstant(from, "from");
        Instant toTime = checks.optionalInstant(to, "to");
        BucketSize size = bucket == null ? BucketSize.DAY : BucketSize.fromName(bucket).orElse(null);
        checks.require(size != null, "bucket", "must be hour or day");
        checks.throwIfInvalid();
        Instant end = toTime != null ? toTime : Instant.now();
        Instant start = fromTime != null ? fromTime : end.minus(DEFAULT_PERIOD);
        checks.require(!start.isBefore(EARLIEST) && !start.isAfter(LATEST), fromTime != null ? "from" : "to",
                "the period must lie between " + EARLIEST + " and " + LATEST);
        checks.require(!end.isBefore(EARLIEST) && !end.isAfter(LATEST), toTime != null ? "to" : "from",
                "the period must lie between " + EARLIEST + " and " + LATEST);
        checks.throwIfInvalid();
        if (checks.require(start.isBefore(end), fromTime != null ? "from" : "to", "from must be before to")) {
            checks.require(size.count(start, end) <= MAX_BUCKETS, "bucket",
                    "the period holds " + size.count(start, end) + " buckets; at most " + MAX_BUCKETS + " (use a larger bucket or a shorter period)");
        }
        checks.throwIfInvalid();
        caller.checkSite(siteId);
        return stats.stats(siteId, start, end, size);
    }
}
