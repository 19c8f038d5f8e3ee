package io.moderato.webhook.service;

import io.moderato.problem.ProblemException;
import io.moderato.webhook.WebhookEventType;
import io.moderato.webhook.config.WebhookConfig;
import io.moderato.webhook.repository.WebhookDeliveryEntity;
import io.moderato.webhook.repository.WebhookDeliveryRepository;
import io.moderato.webhook.repository.WebhookEndpointEntity;
import io.moderato.webhook.repository.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Webhook endpoints: create (the secret is shown once), list, change, delete, rotate the secret, read the delivery
 * log. Secrets are stored readable, because the server signs with them; the API only ever shows a hint.
 */
@ApplicationScoped
public class WebhookService {

    /** Every secret starts so, which makes one recognisable in a configuration file. */
    public static final String SECRET_SCHEME = "whsec_";
    private static final int HINT_LENGTH = SECRET_SCHEME.length() + 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookConfig config;

    public WebhookService(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, WebhookConfig config) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.config = config;
    }

    /**
     * What an admin sets on an endpoint, already checked.
     *
     * @param url    where to POST
     * @param events the events it receives
     * @param siteId only this site's events; null for all
     * @param active whether it receives anything
     */
    public record EndpointSettings(String url, Set<WebhookEventType> events, String siteId, boolean active) {
    }

    /**
     * An endpoint with a secret to hand over once.
     *
     * @param endpoint the stored endpoint
     * @param secret   its new current secret
     */
    public record WithSecret(WebhookEndpointEntity endpoint, String secret) {
    }

    /**
     * @param settings the endpoint
     * @param actor    the admin creating it
     * @return the endpoint and its secret
     */
    @Transactional
    public WithSecret create(EndpointSettings settings, String actor) {
        WebhookEndpointEntity endpoint = new WebhookEndpointEntity();
        apply(endpoint, settings);
        endpoint.secret = newSecret();
        endpoint.createdAt = now();
        endpoint.createdBy = actor;
        endpoint.updatedAt = endpoint.createdAt;
        endpoints.persist(endpoint);
        return new WithSecret(endpoint, endpoint.secret);
    }

    /** @return every endpoint, oldest first */
    @Transactional
    public List<WebhookEndpointEntity> list() {
        return endpoints.listAll();
    }

    /**
     * @param id an endpoint
     * @return it
     */
    @Transactional
    public WebhookEndpointEntity get(long id) {
        return find(id);
    }

    /**
     * @param id       an endpoint
     * @param settings its new settings
     * @return the changed endpoint
     */
    @Transactional
    public WebhookEndpointEntity update(long id, EndpointSettings settings) {
        WebhookEndpointEntity endpoint = find(id);
        apply(endpoint, settings);
        endpoint.updatedAt = now();
        endpoints.flush();
        return endpoint;
    }

    /**
     * Deletes an endpoint and its delivery log; pending deliveries are dropped.
     *
     * @param id an endpoint
     */
    @Transactional
    public void delete(long id) {
        endpoints.delete(find(id));
    }

    /**
     * Gives an endpoint a new secret; the old one keeps signing (as a second signature) for the grace period, so
     * the receiver can switch without missing a delivery.
     *
     * @param id an endpoint
     * @return the endpoint and its new secret
     */
    @Transactional
    public WithSecret rotateSecret(long id) {
        WebhookEndpointEntity endpoint = find(id);
        Instant now = now();
        endpoint.previousSecret = endpoint.secret;
        endpoint.previousSecretUntil = now.plus(config.rotationGracePeriod()).truncatedTo(ChronoUnit.MICROS);
        endpoint.secret = newSecret();
        endpoint.updatedAt = now;
        endpoints.flush();
        return new WithSecret(endpoint, endpoint.secret);
    }

    /**
     * @param id       an endpoint
     * @param beforeId cursor: only deliveries older than this one (null: the newest)
     * @param limit    at most this many
     * @return the deliveries, newest first
     */
    @Transactional
    public List<WebhookDeliveryEntity> deliveries(long id, Long beforeId, int limit) {
        find(id);
        return deliveries.page(id, beforeId, limit);
    }

    /**
     * @param secret a secret
     * @return what the API shows of it
     */
    public static String hint(String secret) {
        return secret.substring(0, Math.min(HINT_LENGTH, secret.length())) + "…";
    }

    private WebhookEndpointEntity find(long id) {
        WebhookEndpointEntity endpoint = endpoints.findById(id);
        if (endpoint == null) {
            throw ProblemException.notFound("no webhook endpoint " + id);
        }
        return endpoint;
    }

    private static void apply(WebhookEndpointEntity endpoint, EndpointSettings settings) {
        endpoint.url = settings.url();
        endpoint.setEventTypes(settings.events());
        endpoint.siteId = settings.siteId();
        endpoint.active = settings.active();
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return SECRET_SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
