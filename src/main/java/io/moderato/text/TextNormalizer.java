package io.moderato.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a comment into normalised tokens, the one view of the text that the models, the explanations and the word
 * lists share. The steps, in order:
 * <ol>
 *     <li>{@link CharacterFolding}: invisible characters, compatibility forms, accents, case;</li>
 *     <li>splitting into words, where links become {@value #URL} and {@code @handles} become {@value #MENTION},
 *     each emoji is a word of its own and letters separated by dots or dashes ({@code i.d.i.o.t}) stay one word;</li>
 *     <li>per word: {@link ConfusableFolding}, {@link Leetspeak}, {@link MaskedWords}, apostrophes dropped,
 *     {@link RepeatedLetters};</li>
 *     <li>{@link SpacedLetters} across words.</li>
 * </ol>
 * Instances are immutable and thread-safe.
 */
public final class TextNormalizer {

    /** The token every link becomes. */
    public static final String URL = "_url_";
    /** The token every {@code @handle} becomes. */
    public static final String MENTION = "_mention_";

    private static final Pattern URL_START = Pattern.compile("(?:https?://|www\\.)\\S+");
    private static final Pattern SPELT_OUT = Pattern.compile("[\\p{L}\\d@$!*]([.\\-_][\\p{L}\\d@$!*])+[.\\-_]?");
    private static final Pattern NUMBER = Pattern.compile("[$£€]?\\d+(?:[.,:]\\d+)*%?");
    private static final String WORD_SYMBOLS = "'@$!|*#%._-";

    /**
     * @param text the comment as written
     * @return its normalised tokens with offsets into {@code text}
     */
    public NormalizedText normalize(String text) {
        Folded folded = fold(text);
        List<Token> tokens = new ArrayList<>();
        String f = folded.text;
        int i = 0;
        int n = f.length();
        while (i < n) {
            int cp = f.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += width;
            } else if (isPictograph(cp)) {
                tokens.add(new Token(folded.begin(i), folded.end(i + width - 1), new String(Character.toChars(cp))));
                i += width;
            } else {
                int end = i;
                while (end < n) {
                    int c = f.codePointAt(end);
                    if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isPictograph(c)) {
                        break;
                    }
                    end += Character.charCount(c);
                }
                chunk(folded, i, end, tokens);
                i = end;
            }
        }
        return new NormalizedText(text, SpacedLetters.join(text, tokens));
    }

    /** A run of non-space characters: a link, a mention, or one or more words and punctuation. */
    private void chunk(Folded folded, int from, int to, List<Token> out) {
        String chunk = folded.text.substring(from, to);
        if (URL_START.matcher(chunk).matches()) {
            out.add(new Token(folded.begin(from), folded.end(to - 1), URL));
            return;
        }
        if (chunk.length() > 1 && chunk.charAt(0) == '@' && isMentionChar(chunk.charAt(1))) {
            int end = 1;
            while (end < chunk.length() && isMentionChar(chunk.charAt(end))) {
                end++;
            }
            String handle = chunk.substring(0, end);
            if (!MaskedWords.isListed(normalizeWord(handle))) {
                out.add(new Token(folded.begin(from), folded.end(from + end - 1), MENTION));
                if (end < chunk.length()) {
                    chunk(folded, from + end, to, out);
                }
                return;
            }
        }
        int i = from;
        while (i < to) {
            while (i < to && !isWordChar(folded.text.charAt(i))) {
                i++;
            }
            int end = i;
            while (end < to && isWordChar(folded.text.charAt(end))) {
                end++;
            }
            if (end > i) {
                piece(folded, i, end, out);
            }
            i = end;
        }
    }

    /** Letters, digits and the symbols that can stand inside a word; dots and dashes are settled in {@link #piece}. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || WORD_SYMBOLS.indexOf(c) >= 0;
    }

    private static boolean isMentionChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** A piece of a chunk: spelt-out letters and numbers stay whole, otherwise dots, dashes and underscores split. */
    private void piece(Folded folded, int from, int to, List<Token> out) {
        String piece = folded.text.substring(from, to);
        if (SPELT_OUT.matcher(piece).matches() || NUMBER.matcher(piece).matches()) {
            word(folded, from, to, out);
            return;
        }
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || isSplitter(folded.text.charAt(i))) {
                if (i > start) {
                    word(folded, start, i, out);
                }
                start = i + 1;
            }
        }
    }

    private static boolean isSplitter(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    private void word(Folded folded, int from, int to, List<Token> out) {
        int begin = from;
        int end = to;
        // Leading and trailing punctuation is not part of the word; inner symbols may be leetspeak or masks.
        while (begin < end && "'!|".indexOf(folded.text.charAt(begin)) >= 0) {
            begin++;
        }
        while (end > begin && "'!|@$.-_".indexOf(folded.text.charAt(end - 1)) >= 0 && !endsMasked(folded.text, begin, end)) {
            end--;
        }
        if (begin >= end) {
            return;
        }
        String raw = folded.text.substring(begin, end);
        String normalized = NUMBER.matcher(raw).matches() ? raw : normalizeWord(raw);
        if (!normalized.isEmpty()) {
            out.add(new Token(folded.begin(begin), folded.end(end - 1), normalized));
        }
    }

    /** Keeps a trailing {@code $} in {@code a$$}: a word that is mostly stand-in symbols is not punctuation. */
    private static boolean endsMasked(String text, int begin, int end) {
        char last = text.charAt(end - 1);
        return last == '$' && end - begin >= 2 && Character.isLetter(text.charAt(begin));
    }

    /** The per-word steps, in order. */
    static String normalizeWord(String word) {
        String w = ConfusableFolding.fold(word);
        w = Leetspeak.decode(w);
        w = MaskedWords.resolve(w);
        if (w.indexOf('\'') >= 0 || w.indexOf('.') >= 0 || w.indexOf('-') >= 0 || w.indexOf('_') >= 0) {
            w = w.replace("'", "").replace(".", "").replace("-", "").replace("_", "");
        }
        return RepeatedLetters.collapse(w);
    }

    /** Emoji and other pictographs: each is a word of its own. */
    static boolean isPictograph(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.SURROGATE || (cp >= 0x1F000 && cp <= 0x1FAFF);
    }

    private static Folded fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int[] begins = new int[text.length() + 8];
        int[] ends = new int[text.length() + 8];
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            String folded = CharacterFolding.fold(cp);
            for (int k = 0; k < folded.length(); k++) {
                if (sb.length() >= begins.length) {
                    begins = java.util.Arrays.copyOf(begins, begins.length * 2);
                    ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                }
                begins[sb.length()] = i;
                ends[sb.length()] = i + width;
                sb.append(folded.charAt(k));
            }
            i += width;
        }
        return new Folded(sb.toString(), begins, ends);
    }

    /** Folded text with, for each of its chars, the original range it came from. */
    private record Folded(String text, int[] begins, int[] ends) {
        int begin(int foldedIndex) {
            return begins[foldedIndex];
        }

        int end(int foldedIndexInclusive) {
            return ends[foldedIndexInclusive];
        }
    }
}
