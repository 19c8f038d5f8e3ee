package io.moderato.models.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The bundle live for one site, or ({@link #SHARED}) for every site without its own. */
@Entity
@Table(name = "live_model")
public class LiveModelEntity {

    /** The site id of the shared bundle's row. */
    public static final String SHARED = "*";

    @Id
    @Column(name = "site_id")
    public String siteId;

    @Column(nullable = false)
    public String version;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
