package io.moderato.problem;

/**
 * Which text the service accepts from clients, in bodies, paths and queries alike: no NUL character (PostgreSQL
 * cannot store it) and no lone half of a surrogate pair (not a character at all; PostgreSQL would store it as
 * "?", so the stored text would differ from the text sent and every retry would look like an edit). One rule for
 * both databases: such text is refused with 400, never stored.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * @param value text from a request, may be null
     * @return why the text is refused, or null when it is acceptable
     */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate (\\u" + Integer.toHexString(c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (\\u" + Integer.toHexString(c) + ")";
            }
        }
        return null;
    }

    /**
     * @param value text from a request, may be null
     * @return true when the service accepts it
     */
    public static boolean isStorable(String value) {
        return problem(value) == null;
    }
}
