package io.moderato.policy.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Site policies by site id. */
@ApplicationScoped
public class SitePolicyRepository implements PanacheRepositoryBase<SitePolicyEntity, String> {
}
