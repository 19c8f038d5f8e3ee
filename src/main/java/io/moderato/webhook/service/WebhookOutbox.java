package io.moderato.webhook.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.comment.CommentStatusChanged;
import io.moderato.comment.service.CommentService;
import io.moderato.webhook.WebhookEvent;
import io.moderato.webhook.WebhookEventType;
import io.moderato.webhook.repository.DeliveryStatus;
import io.moderato.webhook.repository.WebhookDeliveryEntity;
import io.moderato.webhook.repository.WebhookDeliveryRepository;
import io.moderato.webhook.repository.WebhookEndpointEntity;
import io.moderato.webhook.repository.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Turns comment status changes into outbox rows, one per event and matching endpoint, in the very transaction
 * that changed the comment: a committed change always has its deliveries, a rolled-back one never does.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper json;

    public WebhookOutbox(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, ObjectMapper json) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.json = json;
    }

    /**
     * Records the deliveries a change calls for; mandatory transaction, the one that fired the event.
     *
     * @param change the change
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onStatusChanged(@Observes(during = TransactionPhase.IN_PROGRESS) CommentStatusChanged change) {
        List<WebhookEventType> types = WebhookEventType.of(change, CommentService.MACHINE);
        if (types.isEmpty()) {
            return;
        }
        List<WebhookEndpointEntity> receivers = endpoints.activeFor(change.siteId());
        if (receivers.isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (WebhookEventType type : types) {
            WebhookEvent payload = WebhookEvent.of(change, type);
            String body = write(payload);
            for (WebhookEndpointEntity endpoint : receivers) {
                if (!endpoint.eventTypes().contains(type)) {
                    continue;
                }
                WebhookDeliveryEntity delivery = new WebhookDeliveryEntity();
                delivery.endpointId = endpoint.id;
                delivery.eventId = payload.id();
                delivery.eventType = type.wireName();
                delivery.siteId = change.siteId();
                delivery.payload = body;
                delivery.status = DeliveryStatus.PENDING;
                delivery.attempts = 0;
                delivery.createdAt = now;
                delivery.nextAttemptAt = now;
                deliveries.persist(delivery);
            }
        }
    }

    private String write(WebhookEvent payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
