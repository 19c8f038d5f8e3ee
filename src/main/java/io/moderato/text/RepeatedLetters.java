package io.moderato.text;

/**
 * Shortens runs of three or more identical letters to two ({@code stuuuupid} to {@code stuupid}, {@code soooo} to
 * {@code soo}): stretched words then share their character n-grams with the plain spelling.
 */
public final class RepeatedLetters {

    private RepeatedLetters() {
    }

    /**
     * @param word a lower-cased word
     * @return the word with every run of a repeated letter cut to two
     */
    public static String collapse(String word) {
        int length = word.length();
        if (length < 3) {
            return word;
        }
        StringBuilder collapsed = null;
        int run = 1;
        for (int i = 1; i <= length; i++) {
            boolean same = i < length && word.charAt(i) == word.charAt(i - 1) && Character.isLetter(word.charAt(i));
            if (same) {
                run++;
                if (run == 3 && collapsed == null) {
                    collapsed = new StringBuilder(length).append(word, 0, i);
                }
            } else {
                run = 1;
            }
            if (collapsed != null && i < length && run <= 2) {
                collapsed.append(word.charAt(i));
            }
        }
        return collapsed == null ? word : collapsed.toString();
    }
}
