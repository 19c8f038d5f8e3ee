package io.moderato.models.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Which bundle is live where. */
@ApplicationScoped
public class LiveModelRepository implements PanacheRepositoryBase<LiveModelEntity, String> {

    /**
     * Records a bundle as live for a site (or {@link LiveModelEntity#SHARED}), in the current transaction.
     *
     * @param siteId  the site
     * @param version the bundle
     * @param actor   who made it live
     */
    public void set(String siteId, String version, String actor) {
        LiveModelEntity row = findByIdOptional(siteId).orElseGet(() -> {
            LiveModelEntity created = new LiveModelEntity();
            created.siteId = siteId;
            return created;
        });
        row.version = version;
        row.updatedBy = actor;
        row.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        persist(row);
    }
}
