package io.moderato.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a comment into sentences (and at line breaks), each as an offset range of the original text, trimmed of
 * surrounding white space. Used to score long comments sentence by sentence.
 */
public final class SentenceSplitter {

    /** An offset range of the original text: {@code text.substring(begin, end)} is the sentence. */
    public record Sentence(int begin, int end) {
    }

    /**
     * @param text the comment
     * @return its non-blank sentences in reading order
     */
    public List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                splitLine(text, lineStart, i, sentences);
                lineStart = i + 1;
            }
        }
        return sentences;
    }

    private static void splitLine(String text, int from, int to, List<Sentence> out) {
        if (from >= to) {
            return;
        }
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text.substring(from, to));
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            int b = from + start;
            int e = from + end;
            while (b < e && Character.isWhitespace(text.charAt(b))) {
                b++;
            }
            while (e > b && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > b) {
                out.add(new Sentence(b, e));
            }
        }
    }
}
