package io.moderato.perspective.repository;

import io.moderato.classification.Attribute;
import io.moderato.labels.repository.AttributeLabels;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Map;

/** One score suggestion: the comment and the labels a client believes right. Rows are only ever inserted. */
@Entity
@Table(name = "perspective_feedback")
public class FeedbackEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String text;

    /** The suggested summary scores. */
    @Embedded
    public AttributeLabels labels;

    /** The suggested span scores as JSON, {@code [{"attribute", "begin", "end", "value"}]}, or null. */
    @Column(name = "span_labels", updatable = false)
    public String spanLabels;

    /** The request's languages, comma-separated, or null. */
    @Column(updatable = false)
    public String languages;

    @Column(name = "community_id", updatable = false)
    public String communityId;

    @Column(name = "client_token", updatable = false)
    public String clientToken;

    /** The API key that sent it. */
    @Column(name = "key_name", nullable = false, updatable = false)
    public String keyName;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** @param labels the suggested summary scores; attributes not named stay null */
    public void setLabels(Map<Attribute, Double> labels) {
        this.labels = AttributeLabels.of(labels);
    }

    /** @return the suggested summary scores, only the attributes the suggestion named */
    public Map<Attribute, Double> labels() {
        return AttributeLabels.toMap(labels);
    }
}
