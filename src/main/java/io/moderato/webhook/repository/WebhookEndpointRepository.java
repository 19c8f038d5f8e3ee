package io.moderato.webhook.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Webhook endpoints. */
@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepository<WebhookEndpointEntity> {

    /**
     * @param siteId a site
     * @return the active endpoints that receive that site's events
     */
    public List<WebhookEndpointEntity> activeFor(String siteId) {
        return list("active = true and (siteId is null or siteId = ?1) order by id", siteId);
    }

    /** @return every endpoint, oldest first */
    public List<WebhookEndpointEntity> listAll() {
        return list("order by id");
    }
}
