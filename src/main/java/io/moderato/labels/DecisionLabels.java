package io.moderato.labels;

import io.moderato.classification.Attribute;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a moderator's decision teaches: a rejection labels the comment toxic, and the attribute its reason names
 * (insult, threat, identity attack, ...) present; a rejection for a reason that is not about toxicity (spam,
 * off topic, duplicate) teaches nothing about it; approving a held comment labels it not toxic, and not whatever
 * attribute held it.
 */
public final class DecisionLabels {

    private static final Map<String, Attribute> REASON_WORDS = Map.of(
            "severe", Attribute.SEVERE_TOXICITY,
            "insult", Attribute.INSULT,
            "threat", Attribute.THREAT,
            "identity", Attribute.IDENTITY_ATTACK,
            "hate", Attribute.IDENTITY_ATTACK,
            "profan", Attribute.PROFANITY,
            "swear", Attribute.PROFANITY,
            "sexual", Attribute.SEXUALLY_EXPLICIT);
    private static final java.util.List<String> NOT_ABOUT_TOXICITY = java.util.List.of("spam", "off_topic", "off-topic",
            "off topic", "duplicate", "advert", "link");

    private DecisionLabels() {
    }

    /**
     * @param reason the moderator's reason, may be null
     * @return the labels of a rejection for it (empty when the reason is not about toxicity)
     */
    public static Map<Attribute, Double> rejected(String reason) {
        Map<Attribute, Double> labels = new EnumMap<>(Attribute.class);
        String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (NOT_ABOUT_TOXICITY.stream().anyMatch(lower::contains)) {
            return labels;
        }
        labels.put(Attribute.TOXICITY, 1.0);
        attributeOf(lower).ifPresent(attribute -> labels.put(attribute, 1.0));
        return labels;
    }

    /**
     * @param heldFor the attributes whose scores held the comment (from its policy reasons)
     * @return the labels of approving a held comment: not toxic, and none of those attributes
     */
    public static Map<Attribute, Double> approvedAfterHold(Collection<Attribute> heldFor) {
        Map<Attribute, Double> labels = new EnumMap<>(Attribute.class);
        labels.put(Attribute.TOXICITY, 0.0);
        heldFor.forEach(attribute -> labels.put(attribute, 0.0));
        return labels;
    }

    private static Optional<Attribute> attributeOf(String reason) {
        Optional<Attribute> exact = Attribute.fromKey(reason.strip().replace(' ', '_'));
        if (exact.isPresent()) {
            return exact;
        }
        return REASON_WORDS.entrySet().stream().filter(e -> reason.contains(e.getKey())).map(Map.Entry::getValue)
                .sorted().findFirst();
    }
}
