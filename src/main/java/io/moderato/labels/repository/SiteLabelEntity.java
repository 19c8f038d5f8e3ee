package io.moderato.labels.repository;

import io.moderato.classification.Attribute;
import io.moderato.labels.LabelSource;
import io.moderato.labels.SiteLabel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumMap;
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

    @Column(updatable = false)
    public Double toxicity;

    @Column(name = "severe_toxicity", updatable = false)
    public Double severeToxicity;

    @Column(updatable = false)
    public Double insult;

    @Column(updatable = false)
    public Double threat;

    @Column(name = "identity_attack", updatable = false)
    public Double identityAttack;

    @Column(updatable = false)
    public Double profanity;

    @Column(name = "sexually_explicit", updatable = false)
    public Double sexuallyExplicit;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** @param labels the judged attributes; the others stay null */
    public void setLabels(Map<Attribute, Double> labels) {
        toxicity = labels.get(Attribute.TOXICITY);
        severeToxicity = labels.get(Attribute.SEVERE_TOXICITY);
        insult = labels.get(Attribute.INSULT);
        threat = labels.get(Attribute.THREAT);
        identityAttack = labels.get(Attribute.IDENTITY_ATTACK);
        profanity = labels.get(Attribute.PROFANITY);
        sexuallyExplicit = labels.get(Attribute.SEXUALLY_EXPLICIT);
    }

    /** @return the label as a value */
    public SiteLabel toLabel() {
        Map<Attribute, Double> labels = new EnumMap<>(Attribute.class);
        Double[] values = {toxicity, severeToxicity, insult, threat, identityAttack, profanity, sexuallyExplicit};
        Attribute[] order = {Attribute.TOXICITY, Attribute.SEVERE_TOXICITY, Attribute.INSULT, Attribute.THREAT,
                Attribute.IDENTITY_ATTACK, Attribute.PROFANITY, Attribute.SEXUALLY_EXPLICIT};
        for (int i = 0; i < order.length; i++) {
            if (values[i] != null) {
                labels.put(order[i], values[i]);
            }
        }
        return new SiteLabel(id, siteId, source, sourceRef, text, labels, actor, createdAt);
    }
}
