package io.moderato.perspective.repository;

import io.moderato.classification.Attribute;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumMap;
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
        toxicity = labels.get(Attribute.TOXICITY);
        severeToxicity = labels.get(Attribute.SEVERE_TOXICITY);
        insult = labels.get(Attribute.INSULT);
        threat = labels.get(Attribute.THREAT);
        identityAttack = labels.get(Attribute.IDENTITY_ATTACK);
        profanity = labels.get(Attribute.PROFANITY);
        sexuallyExplicit = labels.get(Attribute.SEXUALLY_EXPLICIT);
    }

    /** @return the suggested summary scores, only the attributes the suggestion named */
    public Map<Attribute, Double> labels() {
        Map<Attribute, Double> labels = new EnumMap<>(Attribute.class);
        Double[] values = {toxicity, severeToxicity, insult, threat, identityAttack, profanity, sexuallyExplicit};
        Attribute[] order = {Attribute.TOXICITY, Attribute.SEVERE_TOXICITY, Attribute.INSULT, Attribute.THREAT,
                Attribute.IDENTITY_ATTACK, Attribute.PROFANITY, Attribute.SEXUALLY_EXPLICIT};
        for (int i = 0; i < order.length; i++) {
            if (values[i] != null) {
                labels.put(order[i], values[i]);
            }
        }
        return labels;
    }
}
