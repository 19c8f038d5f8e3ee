package io.moderato.classification;

import java.util.Arrays;
import java.util.Optional;

/** The top level of the IPTC Media Topics taxonomy (https://cv.iptc.org/newscodes/mediatopic/). */
public enum Topic {
    ARTS_CULTURE_ENTERTAINMENT_MEDIA("medtop:01000000", "arts, culture, entertainment and media"),
    CRIME_LAW_JUSTICE("medtop:02000000", "crime, law and justice"),
    DISASTER_ACCIDENT_EMERGENCY("medtop:03000000", "disaster, accident and emergency incident"),
    ECONOMY_BUSINESS_FINANCE("medtop:04000000", "economy, business and finance"),
    EDUCATION("medtop:05000000", "education"),
    ENVIRONMENT("medtop:06000000", "environment"),
    HEALTH("medtop:07000000", "health"),
    HUMAN_INTEREST("medtop:08000000", "human interest"),
    LABOUR("medtop:09000000", "labour"),
    LIFESTYLE_LEISURE("medtop:10000000", "lifestyle and leisure"),
    POLITICS("medtop:11000000", "politics"),
    RELIGION("medtop:12000000", "religion"),
    SCIENCE_TECHNOLOGY("medtop:13000000", "science and technology"),
    SOCIETY("medtop:14000000", "society"),
    SPORT("medtop:15000000", "sport"),
    CONFLICT_WAR_PEACE("medtop:16000000", "conflict, war and peace"),
    WEATHER("medtop:17000000", "weather");

    private final String code;
    private final String label;

    Topic(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** @return the IPTC qualified code, e.g. {@code medtop:11000000} */
    public String code() {
        return code;
    }

    /** @return the IPTC English label, e.g. {@code politics} */
    public String label() {
        return label;
    }

    /**
     * @param code an IPTC qualified code
     * @return the topic with that code, if it is a top-level Media Topic
     */
    public static Optional<Topic> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
