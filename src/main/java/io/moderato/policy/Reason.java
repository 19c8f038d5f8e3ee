package io.moderato.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a policy made its decision; several reasons can apply to one comment.
 *
 * @param code      what triggered: {@code ATTRIBUTE_OVER_THRESHOLD}, {@code BANNED_WORD}, {@code SUSPECT_WORD},
 *                  {@code LINK}, {@code REPEAT_POST}, {@code NEW_COMMENTER}, {@code AUTHOR_REJECTION_RATE}
 * @param action    what this reason alone asks for
 * @param attribute for attribute reasons, the attribute key
 * @param score     for attribute reasons the score, for rate reasons the rate
 * @param threshold the threshold or limit crossed
 * @param word      for word reasons, the list entry that matched
 * @param match     for word reasons, the text as written that matched it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String code, Decision action, String attribute, Double score, Double threshold, String word,
                     String match) {

    /** Attribute reason code. */
    public static final String ATTRIBUTE = "ATTRIBUTE_OVER_THRESHOLD";
    /** Banned word reason code. */
    public static final String BANNED_WORD = "BANNED_WORD";
    /** Suspect word reason code. */
    public static final String SUSPECT_WORD = "SUSPECT_WORD";
    /** Link reason code. */
    public static final String LINK = "LINK";
    /** Repeat post reason code. */
    public static final String REPEAT_POST = "REPEAT_POST";
    /** New commenter reason code. */
    public static final String NEW_COMMENTER = "NEW_COMMENTER";
    /** Rejection rate reason code. */
    public static final String REJECTION_RATE = "AUTHOR_REJECTION_RATE";

    static Reason of(String code, Decision action) {
        return new Reason(code, action, null, null, null, null, null);
    }
}
