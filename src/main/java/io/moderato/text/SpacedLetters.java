package io.moderato.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins words spelt out letter by letter ({@code s t u p i d}, {@code f u c k}) into one token that covers all of
 * them. Three or more single-letter tokens in a row, separated only by spaces, dots or dashes, count as one word.
 */
public final class SpacedLetters {

    static final int MIN_LETTERS = 3;

    private SpacedLetters() {
    }

    /**
     * @param original the original text, to check what separates the letters
     * @param tokens   tokens in reading order
     * @return the tokens with each spelt-out run joined into one
     */
    public static List<Token> join(String original, List<Token> tokens) {
        List<Token> joined = null;
        int i = 0;
        while (i < tokens.size()) {
            int runEnd = i;
            while (runEnd < tokens.size() && isSingleLetter(tokens.get(runEnd))
                    && (runEnd == i || onlySeparators(original, tokens.get(runEnd - 1).end(), tokens.get(runEnd).begin()))) {
                runEnd++;
            }
            if (runEnd - i >= MIN_LETTERS) {
                if (joined == null) {
                    joined = new ArrayList<>(tokens.subList(0, i));
                }
                StringBuilder word = new StringBuilder(runEnd - i);
                for (int k = i; k < runEnd; k++) {
                    word.append(tokens.get(k).normalized());
                }
                joined.add(new Token(tokens.get(i).begin(), tokens.get(runEnd - 1).end(), word.toString()));
                i = runEnd;
            } else {
                if (joined != null) {
                    joined.add(tokens.get(i));
                }
                i++;
            }
        }
        return joined == null ? tokens : joined;
    }

    private static boolean isSingleLetter(Token token) {
        String word = token.normalized();
        return word.length() == 1 && Character.isLetter(word.charAt(0));
    }

    private static boolean onlySeparators(String text, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '.' && c != '-' && c != '_' && c != '\u00A0') {
                return false;
            }
        }
        return true;
    }
}
