package io.moderato.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads words masked with {@code *}, {@code #} or {@code %} ({@code f*ck}, {@code sh**}, {@code b#tch}) as the
 * commonly masked word they fit, from the list in {@code masked-words.txt}. A mask that fits no listed word is
 * dropped, so {@code h*ll} still shares its letters with {@code hell}.
 */
public final class MaskedWords {

    private static final String MASKS = "*#%";
    private static final List<String> WORDS = load();

    private MaskedWords() {
    }

    /**
     * @param word a lower-cased word
     * @return the listed word it fits, or the word without its mask characters
     */
    public static String resolve(String word) {
        int firstMask = -1;
        boolean hasLetter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (MASKS.indexOf(c) >= 0) {
                if (firstMask < 0) {
                    firstMask = i;
                }
            } else if (Character.isLetter(c)) {
                hasLetter = true;
            }
        }
        if (firstMask < 0) {
            return word;
        }
        if (!hasLetter) {
            return "";
        }
        for (String candidate : WORDS) {
            if (fits(word, candidate)) {
                return candidate;
            }
        }
        StringBuilder unmasked = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (MASKS.indexOf(word.charAt(i)) < 0) {
                unmasked.append(word.charAt(i));
            }
        }
        return unmasked.toString();
    }

    /** Same length, same letters where the masked word shows a letter, and at least one letter shown. */
    private static boolean fits(String masked, String candidate) {
        if (masked.length() != candidate.length()) {
            return false;
        }
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (MASKS.indexOf(c) < 0 && c != candidate.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return true when the word is one of the commonly masked words */
    public static boolean isListed(String word) {
        return WORDS.contains(word);
    }

    private static List<String> load() {
        try (InputStream in = MaskedWords.class.getResourceAsStream("masked-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("masked-words.txt is missing from the class path");
            }
            List<String> words = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String word = line.strip();
                    if (!word.isEmpty() && !word.startsWith("#")) {
                        words.add(word);
                    }
                }
            }
            return List.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
