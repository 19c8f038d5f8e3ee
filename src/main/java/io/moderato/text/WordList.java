package io.moderato.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A list of words and phrases matched against normalised tokens, so that one entry catches its obfuscated
 * spellings too ({@code idiot} matches {@code 1d10t}, {@code i.d.i.o.t} and {@code іdіоt}). An entry is one or more
 * words separated by spaces; {@code *} inside a word stands for any run of letters ({@code fuck*} matches
 * {@code fucking}, {@code *shit} matches {@code bullshit}). Immutable and thread-safe.
 */
public final class WordList {

    /**
     * One match.
     *
     * @param entry     the entry as given
     * @param fromToken index of the first matched token
     * @param toToken   index one past the last matched token
     */
    public record Match(String entry, int fromToken, int toToken) {
    }

    private record Entry(String source, List<Object> words) {
    }

    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
    /** Entries whose first word is a pattern with a literal start, by the start's first two letters. */
    private final Map<String, List<Entry>> byFirstWordPrefix = new HashMap<>();
    private final List<Entry> wildFirstWord = new ArrayList<>();
    private final int size;

    private WordList(Collection<String> entries) {
        int count = 0;
        for (String source : entries) {
            String[] parts = source.strip().toLowerCase(Locale.ROOT).split("\\s+");
            List<Object> words = new ArrayList<>(parts.length);
            for (String part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                words.add(part.indexOf('*') >= 0 ? glob(part) : normalizePlain(part));
            }
            if (words.isEmpty()) {
                continue;
            }
            Entry entry = new Entry(source.strip(), List.copyOf(words));
            String literalStart = literalStart(parts[0]);
            if (words.get(0) instanceof String first) {
                byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(entry);
            } else if (literalStart.length() >= 2) {
                byFirstWordPrefix.computeIfAbsent(literalStart.substring(0, 2), k -> new ArrayList<>()).add(entry);
            } else {
                wildFirstWord.add(entry);
            }
            count++;
        }
        this.size = count;
    }

    /**
     * @param entries words and phrases, {@code *} as wildcard; blank entries are ignored
     * @return the compiled list
     */
    public static WordList of(Collection<String> entries) {
        return new WordList(entries);
    }

    /** @return how many entries the list has */
    public int size() {
        return size;
    }

    /**
     * @param tokens normalised tokens of a text
     * @return every match, in token order; overlapping matches of different entries are all reported
     */
    public List<Match> find(List<Token> tokens) {
        List<Match> matches = new ArrayList<>();
        if (size == 0) {
            return matches;
        }
        for (int i = 0; i < tokens.size(); i++) {
            List<Entry> candidates = byFirstWord.get(tokens.get(i).normalized());
            if (candidates != null) {
                for (Entry entry : candidates) {
                    matchAt(entry, tokens, i, matches);
                }
            }
            String token = tokens.get(i).normalized();
            List<Entry> prefixed = token.length() >= 2 ? byFirstWordPrefix.get(token.substring(0, 2)) : null;
            if (prefixed != null) {
                for (Entry entry : prefixed) {
                    matchAt(entry, tokens, i, matches);
                }
            }
            for (Entry entry : wildFirstWord) {
                matchAt(entry, tokens, i, matches);
            }
        }
        return matches;
    }

    private static void matchAt(Entry entry, List<Token> tokens, int start, List<Match> out) {
        List<Object> words = entry.words();
        if (start + words.size() > tokens.size()) {
            return;
        }
        for (int k = 0; k < words.size(); k++) {
            String token = tokens.get(start + k).normalized();
            Object word = words.get(k);
            boolean same = word instanceof String plain ? plain.equals(token) : ((Pattern) word).matcher(token).matches();
            if (!same) {
                return;
            }
        }
        out.add(new Match(entry.source(), start, start + words.size()));
    }

    /** An entry word gets the same per-word normalisation as text, so both meet in the same form. */
    private static String normalizePlain(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        word.codePoints().forEach(cp -> folded.append(CharacterFolding.fold(cp)));
        return TextNormalizer.normalizeWord(folded.toString());
    }

    private static String literalStart(String word) {
        int star = word.indexOf('*');
        return star < 0 ? normalizePlain(word) : star == 0 ? "" : normalizePlain(word.substring(0, star));
    }

    private static Pattern glob(String word) {
        String[] pieces = word.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                regex.append("\\p{L}*");
            }
            if (!pieces[i].isEmpty()) {
                regex.append(Pattern.quote(normalizePlain(pieces[i])));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
