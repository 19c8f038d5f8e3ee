package io.moderato.labels.repository;

import io.moderato.classification.Attribute;
import io.moderato.labels.LabelSource;
import io.moderato.labels.SiteLabel;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Map;

/** One labelled text of a site; attributes its source did not judge stay null. Rows are inserted and deleted. */
@Entity
@Table(name = "site_label")
public class SiteLabelEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id", nullable = false, updatable = false)
    public String siteId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public LabelSource source;

    @Column(name = "source_ref", nullable = false, updatable = false)
    public String sourceRef;

    @Column(nullable = false, updatable = false)
    public String text;

    /** The judged attributes. */
    @Embedded
    public AttributeLabels labels;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** @param labels the judged attributes; the others stay null */
    public void setLabels(Map<Attribute, Double> labels) {
        this.labels = AttributeLabels.of(labels);
    }

    /** @return the label as a value */
    public SiteLabel toLabel() {
        return new SiteLabel(id, siteId, source, sourceRef, text, AttributeLabels.toMap(labels), actor, createdAt);
    }
}
