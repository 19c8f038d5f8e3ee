package io.moderato.labels.repository;

import io.moderato.classification.Attribute;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.EnumMap;
import java.util.Map;

/**
 * The seven attribute columns of a labelled text ({@code toxicity} ... {@code sexually_explicit}), each the share
 * of raters (0 to 1) who marked it, or null when the label's source did not judge that attribute. Embedded by a
 * site's labels ({@link SiteLabelEntity}) and by Perspective's score suggestions
 * ({@code io.moderato.perspective.repository.FeedbackEntity}); never updated.
 */
@Embeddable
public class AttributeLabels {

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

    /**
     * @param labels the judged attributes
     * @return them as columns; the others null
     */
    public static AttributeLabels of(Map<Attribute, Double> labels) {
        AttributeLabels columns = new AttributeLabels();
        columns.toxicity = labels.get(Attribute.TOXICITY);
        columns.severeToxicity = labels.get(Attribute.SEVERE_TOXICITY);
        columns.insult = labels.get(Attribute.INSULT);
        columns.threat = labels.get(Attribute.THREAT);
        columns.identityAttack = labels.get(Attribute.IDENTITY_ATTACK);
        columns.profanity = labels.get(Attribute.PROFANITY);
        columns.sexuallyExplicit = labels.get(Attribute.SEXUALLY_EXPLICIT);
        return columns;
    }

    /**
     * @param columns the columns as loaded (null when every one of them is null)
     * @return the judged attributes only
     */
    public static Map<Attribute, Double> toMap(AttributeLabels columns) {
        Map<Attribute, Double> labels = new EnumMap<>(Attribute.class);
        if (columns == null) {
            return labels;
        }
        Double[] values = {columns.toxicity, columns.severeToxicity, columns.insult, columns.threat,
                columns.identityAttack, columns.profanity, columns.sexuallyExplicit};
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
