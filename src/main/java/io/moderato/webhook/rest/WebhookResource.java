package io.moderato.webhook.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.policy.SiteIds;
import io.moderato.problem.RequestChecks;
import io.moderato.problem.StrictJsonBody;
import io.moderato.webhook.WebhookEventType;
import io.moderato.webhook.repository.WebhookDeliveryEntity;
import io.moderato.webhook.repository.WebhookEndpointEntity;
import io.moderato.webhook.service.WebhookService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Webhook endpoints: create (the secret is shown once), list, change, delete, rotate the secret, delivery log. */
@Path("/api/v1/admin/webhooks")
@Tag(name = "Webhooks")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final int MAX_URL_LENGTH = 2000;
    private static final int MAX_LIMIT = 500;
    private static final String EVENT_NAMES = Arrays.stream(WebhookEventType.values())
            .map(WebhookEventType::wireName).collect(Collectors.joining(", "));

    private final WebhookService webhooks;
    private final CurrentCaller caller;

    /**
     * Unknown fields and a body that is not an object refused: a misspelt {@code siteId} would send every site's
     * events to the endpoint, a misspelt {@code active} leave it receiving them.
     */
    private final StrictJsonBody<EndpointRequest> reader;

    public WebhookResource(WebhookService webhooks, CurrentCaller caller, ObjectMapper json) {
        this.webhooks = webhooks;
        this.caller = caller;
        this.reader = StrictJsonBody.required(json, EndpointRequest.class);
    }

    /**
     * An endpoint to create or the new settings of one.
     *
     * @param url    where to POST (http or https)
     * @param events one or more of comment.received, comment.queued, comment.unqueued, comment.decided,
     *               comment.rescored
     * @param siteId only this site's events (optional: every site)
     * @param active whether it receives events (optional, default true)
     */
    public record EndpointRequest(String url, List<String> events, String siteId, Boolean active) {
    }

    /**
     * An endpoint as shown: never its secret, only a hint of it.
     *
     * @param id                       its id
     * @param url                      where it is sent
     * @param events                   the events it receives
     * @param siteId                   the only site it hears about, or null for all
     * @param active                   whether it receives events
     * @param secretHint               the start of the current secret, to tell secrets apart
     * @param previousSecretValidUntil while a rotated-out secret still signs, until when
     * @param createdAt                when it was created
     * @param createdBy                who created it
     * @param updatedAt                when it last changed
     */
    public record EndpointView(long id, String url, List<String> events, String siteId, boolean active,
                               String secretHint, Instant previousSecretValidUntil, Instant createdAt,
                               String createdBy, Instant updatedAt) {
        static EndpointView of(WebhookEndpointEntity e) {
            Instant now = Instant.now();
            return new EndpointView(e.id, e.url, e.eventTypes().stream().map(WebhookEventType::wireName).toList(),
                    e.siteId, e.active, WebhookService.hint(e.secret),
                    e.previousSecretValid(now) ? e.previousSecretUntil : null, e.createdAt, e.createdBy, e.updatedAt);
        }
    }

    /**
     * An endpoint with its secret: only in the answers to create and rotate-secret.
     *
     * @param secret   the current secret; store it, it is never shown again
     * @param endpoint the endpoint
     */
    public record EndpointWithSecret(String secret, EndpointView endpoint) {
    }

    /**
     * One entry of the delivery log.
     *
     * @param id             the delivery
     * @param eventId        the payload's id ({@code Moderato-Webhook-Id})
     * @param event          the event type
     * @param siteId         the comment's site
     * @param status         PENDING, DELIVERED or FAILED
     * @param attempts       attempts made
     * @param lastStatusCode the receiver's last HTTP status, if it answered
     * @param lastError      what went wrong last time, if anything
     * @param createdAt      when the event happened
     * @param lastAttemptAt  when it was last tried
     * @param nextAttemptAt  when it will be tried next (pending only)
     * @param deliveredAt    when the receiver accepted it
     */
    public record DeliveryView(long id, String eventId, String event, String siteId, String status, int attempts,
                               Integer lastStatusCode, String lastError, Instant createdAt, Instant lastAttemptAt,
                               Instant nextAttemptAt, Instant deliveredAt) {
        static DeliveryView of(WebhookDeliveryEntity d) {
            return new DeliveryView(d.id, d.eventId, d.eventType, d.siteId, d.status.name(), d.attempts,
                    d.lastStatusCode, d.lastError, d.createdAt, d.lastAttemptAt, d.nextAttemptAt, d.deliveredAt);
        }
    }

    /**
     * A page of the delivery log.
     *
     * @param deliveries newest first
     * @param nextCursor pass as {@code cursor} for older entries; null at the end
     */
    public record DeliveryPage(List<DeliveryView> deliveries, String nextCursor) {
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a webhook endpoint", description = "The answer holds the signing secret, shown this once.")
    public EndpointWithSecret create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EndpointRequest.class))) byte[] content) throws IOException {
        WebhookService.WithSecret created = webhooks.create(settings(reader.read(content)), caller.actor());
        return new EndpointWithSecret(created.secret(), EndpointView.of(created.endpoint()));
    }

    @GET
    @Operation(summary = "List webhook endpoints", description = "Secrets are never shown, only a hint.")
    public List<EndpointView> list() {
        return webhooks.list().stream().map(EndpointView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a webhook endpoint")
    public EndpointView get(@PathParam("id") long id) {
        return EndpointView.of(webhooks.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a webhook endpoint", description = "Replaces url, events, siteId and active; the secret stays.")
    public EndpointView update(@PathParam("id") long id, @RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndpointRequest.class))) byte[] content)
            throws IOException {
        return EndpointView.of(webhooks.update(id, settings(reader.read(content))));
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Delete a webhook endpoint", description = "Its pending deliveries and delivery log go with it.")
    public void delete(@PathParam("id") long id) {
        webhooks.delete(id);
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Rotate an endpoint's signing secret",
            description = "The new secret is in the answer, shown this once. Until the grace period ends deliveries "
                    + "carry two signatures, the new secret's and the old one's, so the receiver can switch at leisure.")
    public EndpointWithSecret rotateSecret(@PathParam("id") long id) {
        WebhookService.WithSecret rotated = webhooks.rotateSecret(id);
        return new EndpointWithSecret(rotated.secret(), EndpointView.of(rotated.endpoint()));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Read an endpoint's delivery log", description = "Newest first; follow nextCursor for older entries.")
    public DeliveryPage deliveries(@PathParam("id") long id, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") String limit) {
        RequestChecks checks = new RequestChecks();
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                checks.require(false, "cursor", "is not a cursor from this API");
            }
        }
        int size = checks.optionalInt(limit, "limit", 1, MAX_LIMIT, 100);
        checks.throwIfInvalid();
        List<WebhookDeliveryEntity> page = webhooks.deliveries(id, before, size + 1);
        List<DeliveryView> views = page.stream().limit(size).map(DeliveryView::of).toList();
        return new DeliveryPage(views, page.size() > size ? Long.toString(views.get(views.size() - 1).id()) : null);
    }

    private static WebhookService.EndpointSettings settings(EndpointRequest request) {
        RequestChecks checks = new RequestChecks();
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        if (checks.requireText(request.url(), "url", MAX_URL_LENGTH)) {
            checks.require(isHttpUrl(request.url()), "url", "must be an absolute http or https URL with a host");
        }
        if (checks.require(request.events() != null && !request.events().isEmpty(), "events",
                "must name at least one of " + EVENT_NAMES)) {
            for (int i = 0; i < request.events().size(); i++) {
                Optional<WebhookEventType> type = Optional.ofNullable(request.events().get(i))
                        .flatMap(WebhookEventType::fromWireName);
                checks.require(type.isPresent(), "events[" + i + "]", "must be one of " + EVENT_NAMES);
                type.ifPresent(events::add);
            }
        }
        if (request.siteId() != null) {
            checks.require(SiteIds.isValid(request.siteId()), "siteId",
                    "must be 1 to 100 letters, digits, dots, dashes or underscores");
        }
        checks.throwIfInvalid();
        return new WebhookService.EndpointSettings(request.url().strip(), events, request.siteId(),
                request.active() == null || request.active());
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
