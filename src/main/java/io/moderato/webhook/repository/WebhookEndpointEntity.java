package io.moderato.webhook.repository;

import io.moderato.webhook.WebhookEventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A receiver of webhooks: where, which events, which site, and the secrets that sign for it. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpointEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String url;

    /** Comma-separated wire names of the subscribed events. */
    @Column(nullable = false)
    public String events;

    /** Only this site's events; null for every site. */
    @Column(name = "site_id")
    public String siteId;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** @return the subscribed events */
    public Set<WebhookEventType> eventTypes() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(events.split(",")).map(WebhookEventType::fromWireName).forEach(t -> t.ifPresent(types::add));
        return types;
    }

    /** @param types the events to subscribe to */
    public void setEventTypes(Set<WebhookEventType> types) {
        events = types.stream().map(WebhookEventType::wireName).collect(Collectors.joining(","));
    }

    /**
     * @param now the current time
     * @return true while the rotated-out secret still signs
     */
    public boolean previousSecretValid(Instant now) {
        return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now);
    }
}
