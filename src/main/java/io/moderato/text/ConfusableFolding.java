package io.moderato.text;

import java.util.Map;

/**
 * Replaces Cyrillic and Greek letters that look like Latin ones ({@code іdіоt} written with Cyrillic і and о) by the
 * Latin letters they imitate. A word is folded only when every non-Latin letter in it is such a look-alike, so
 * genuine Russian or Greek words are left alone.
 */
public final class ConfusableFolding {

    /** Letters that are drawn like a Latin letter in common fonts; letters only similar in some fonts are left out. */
    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            // Cyrillic
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('ё', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'),
            Map.entry('с', 'c'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'), Map.entry('ї', 'i'),
            Map.entry('ј', 'j'), Map.entry('ѕ', 's'), Map.entry('ԁ', 'd'), Map.entry('ӏ', 'l'), Map.entry('һ', 'h'),
            Map.entry('ԛ', 'q'), Map.entry('ԝ', 'w'),
            // Greek
            Map.entry('α', 'a'), Map.entry('ε', 'e'), Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('ν', 'v'),
            Map.entry('ο', 'o'), Map.entry('ρ', 'p'), Map.entry('τ', 't'), Map.entry('υ', 'u'), Map.entry('χ', 'x'));

    private ConfusableFolding() {
    }

    /**
     * @param word a lower-cased word
     * @return the word with look-alike letters replaced, or the word itself when it holds real non-Latin letters
     */
    public static String fold(String word) {
        boolean hasLookAlike = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (LOOK_ALIKES.containsKey(c)) {
                hasLookAlike = true;
            } else if (Character.isLetter(c)) {
                return word;
            }
        }
        if (!hasLookAlike) {
            return word;
        }
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            folded.append(LOOK_ALIKES.getOrDefault(c, c));
        }
        return folded.toString();
    }
}
