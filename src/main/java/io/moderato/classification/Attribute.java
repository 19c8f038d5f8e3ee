package io.moderato.classification;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The toxicity attributes Moderato scores, named as in Perspective (lower case in Moderato's own API). */
public enum Attribute {
    TOXICITY,
    SEVERE_TOXICITY,
    INSULT,
    THREAT,
    IDENTITY_ATTACK,
    PROFANITY,
    SEXUALLY_EXPLICIT;

    /** @return the name used in JSON and in the corpus, e.g. {@code identity_attack} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param scores scores per attribute
     * @return the same scores keyed by {@link #key()}, in attribute order, as the JSON APIs show them
     */
    public static Map<String, Double> byKey(Map<Attribute, Double> scores) {
        Map<String, Double> keyed = new LinkedHashMap<>();
        for (Attribute attribute : values()) {
            Double score = scores.get(attribute);
            if (score != null) {
                keyed.put(attribute.key(), score);
            }
        }
        return keyed;
    }

    /**
     * @param key a name in any case, e.g. {@code insult} or {@code INSULT}
     * @return the attribute, if there is one of that name
     */
    public static Optional<Attribute> fromKey(String key) {
        return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(key)).findFirst();
    }
}
