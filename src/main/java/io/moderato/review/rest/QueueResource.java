package io.moderato.review.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.classification.Attribute;
import io.moderato.classification.Topic;
import io.moderato.comment.CommentStatus;
import io.moderato.comment.CommentView;
import io.moderato.policy.SiteIds;
import io.moderato.problem.RequestChecks;
import io.moderato.problem.StrictJsonBody;
import io.moderato.review.QueueCursor;
import io.moderato.review.QueueQuery;
import io.moderato.review.QueueSort;
import io.moderato.review.config.ReviewConfig;
import io.moderato.review.service.QueueService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Review queues: list with filters and cursors, claim a batch, release claims. */
@Path("/api/v1/queue")
@Tag(name = "Review")
@RolesAllowed(Roles.MODERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    private static final int MAX_PAGE = 200;

    private final QueueService queues;
    private final ReviewConfig config;
    private final CurrentCaller caller;
    private final Validator validator;
    /**
     * Claim and release bodies: unknown fields and a body that is not an object refused, since a misspelt
     * {@code count} or {@code durationSeconds} would fall back to its default.
     */
    private final StrictJsonBody<ClaimRequest> claimReader;
    private final StrictJsonBody<ReleaseRequest> releaseReader;

    public QueueResource(QueueService queues, ReviewConfig config, CurrentCaller caller, Validator validator, ObjectMapper json) {
        this.queues = queues;
        this.config = config;
        this.caller = caller;
        this.validator = validator;
        this.claimReader = StrictJsonBody.required(json, ClaimRequest.class);
        this.releaseReader = StrictJsonBody.required(json, ReleaseRequest.class);
    }

    @GET
    @Operation(summary = "List a queue", description = "status REVIEW (default), APPROVED or REJECTED; filter by topic "
            + "(IPTC code), attribute (over the site's review threshold) and article; sort by score (default) or time "
            + "(oldest first); follow nextCursor for the next page.")
    public QueueService.QueuePage list(@QueryParam("siteId") String siteId, @QueryParam("status") String status,
                                       @QueryParam("topic") String topic, @QueryParam("attribute") String attribute,
                                       @QueryParam("articleId") String articleId, @QueryParam("sort") String sort,
                                       @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        RequestChecks checks = new RequestChecks();
        if (checks.require(siteId != null, "siteId", "is required")) {
            checks.require(SiteIds.isValid(siteId), "siteId", "is not a valid site id");
        }
        CommentStatus parsedStatus = parse(CommentStatus.class, status, CommentStatus.REVIEW, "status", checks);
        QueueSort parsedSort = parse(QueueSort.class, sort, QueueSort.SCORE, "sort", checks);
        Attribute parsedAttribute = null;
        if (attribute != null) {
            parsedAttribute = Attribute.fromKey(attribute).orElse(null);
            checks.require(parsedAttribute != null, "attribute", "must be one of " + Arrays.stream(Attribute.values()).map(Attribute::key).toList());
        }
        if (topic != null) {
            checks.require(Topic.fromCode(topic).isPresent(), "topic", "must be an IPTC Media Topic top-level code such as medtop:11000000");
        }
        int size = checks.optionalInt(limit, "limit", 1, MAX_PAGE, 50);
        checks.throwIfInvalid();
        caller.checkSite(siteId);
        QueueCursor parsedCursor = cursor == null ? null : QueueCursor.decode(cursor, parsedSort);
        return queues.list(new QueueQuery(siteId, parsedStatus, topic, parsedAttribute, articleId, parsedSort, parsedCursor, size));
    }

    /**
     * A claim.
     *
     * @param siteId          the site
     * @param count           how many comments at most
     * @param durationSeconds how long the claim lasts (default from configuration)
     */
    public record ClaimRequest(@NotNull(message = "is required") @Pattern(regexp = SiteIds.PATTERN, message = SiteIds.RULE) String siteId,
                               @Min(value = 1, message = "must be at least 1") Integer count,
                               @Min(value = 10, message = "must be within 10..3600") @Max(value = 3600, message = "must be within 10..3600")
                               Integer durationSeconds) {
    }

    /**
     * What a claim got.
     *
     * @param items     the claimed comments, oldest first
     * @param claimedBy the moderator holding them
     * @param seconds   how long the claim lasts
     */
    public record ClaimResponse(List<CommentView> items, String claimedBy, long seconds) {
    }

    @POST
    @Path("/claim")
    @Operation(summary = "Claim held comments", description = "Takes up to count held comments no other moderator holds; "
            + "two moderators never get the same comment, also across instances sharing one PostgreSQL. An unknown field "
            + "is refused (400).")
    public ClaimResponse claim(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClaimRequest.class))) byte[] content) throws IOException {
        // Read here rather than by the framework: strictly (see StrictJsonBody). The fixed rules are on the record
        // (Bean Validation, applied here since the framework no longer reads it); the configured maximum is checked here.
        ClaimRequest request = valid(claimReader.read(content));
        RequestChecks checks = new RequestChecks();
        checks.require(request.count() == null || request.count() <= config.maxClaim(), "count", "must be within 1.." + config.maxClaim());
        checks.throwIfInvalid();
        caller.checkSite(request.siteId());
        Duration duration = request.durationSeconds() == null ? config.claimDuration() : Duration.ofSeconds(request.durationSeconds());
        int count = request.count() == null ? 10 : request.count();
        return new ClaimResponse(queues.claim(request.siteId(), caller.actor(), count, duration), caller.actor(), duration.toSeconds());
    }

    /**
     * Which claims to release.
     *
     * @param siteId the site
     */
    public record ReleaseRequest(@NotNull(message = "is required") @Pattern(regexp = SiteIds.PATTERN, message = SiteIds.RULE) String siteId) {
    }

    /**
     * @param released how many claims were released
     */
    public record ReleaseResponse(int released) {
    }

    @POST
    @Path("/release")
    @Operation(summary = "Release your claims", description = "Gives back every comment you hold on the site. An unknown "
            + "field is refused (400).")
    public ReleaseResponse release(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReleaseRequest.class))) byte[] content) throws IOException {
        ReleaseRequest request = valid(releaseReader.read(content));
        caller.checkSite(request.siteId());
        return new ReleaseResponse(queues.release(request.siteId(), caller.actor()));
    }

    /**
     * @param request a body read strictly
     * @return the body, when it keeps the constraints on its record
     * @throws ConstraintViolationException answered as a 400 naming each field, as the framework's validation was
     */
    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String field, RequestChecks checks) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            checks.require(false, field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return fallback;
        }
    }
}
