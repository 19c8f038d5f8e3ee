package io.moderato.policy.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A site's policy, stored as JSON so new policy fields need no migration. */
@Entity
@Table(name = "site_policy")
public class SitePolicyEntity {

    @Id
    @Column(name = "site_id")
    public String siteId;

    @Column(nullable = false)
    public String policy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
