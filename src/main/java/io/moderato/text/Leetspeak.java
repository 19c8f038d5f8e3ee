package io.moderato.text;

import java.util.regex.Pattern;

/**
 * Reads digits and symbols standing in for letters ({@code 1d10t}, {@code sh!t}, {@code @ss}, {@code a$$}) as those
 * letters. Words that are plainly numbers with a suffix ({@code 2nd}, {@code 10am}, {@code covid19}) are left alone.
 */
public final class Leetspeak {

    private static final String SYMBOLS = "0134578@$!|";
    private static final String LETTERS = "oieastbasil";
    /** Letters followed by digits (covid19, mp3, g7) or digits followed by a short unit (2nd, 10am, 80s). */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[a-z]+\\d+|\\d+[a-z]{1,2}|\\d{2,}[a-z]+|\\d+");

    private Leetspeak() {
    }

    /**
     * @param word a lower-cased word
     * @return the word with stand-in symbols read as letters, when it mixes letters and such symbols
     */
    public static String decode(String word) {
        boolean hasLetter = false;
        boolean hasSymbol = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                hasLetter = true;
            } else if (SYMBOLS.indexOf(c) >= 0) {
                hasSymbol = true;
            }
        }
        if (!hasLetter || !hasSymbol || NUMBER_LIKE.matcher(word).matches()) {
            return word;
        }
        StringBuilder decoded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int symbol = SYMBOLS.indexOf(c);
            decoded.append(symbol >= 0 ? LETTERS.charAt(symbol) : c);
        }
        return decoded.toString();
    }
}
