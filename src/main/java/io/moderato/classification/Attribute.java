package io.moderato.classification;

import java.util.Arrays;
import java.util.Locale;
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
     * @param key a name in any case, e.g. {@code insult} or {@code INSULT}
     * @return the attribute, if there is one of that name
     */
    public static Optional<Attribute> fromKey(String key) {
        return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(key)).findFirst();
    }
}
