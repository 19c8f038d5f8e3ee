package io.moderato.classification;

import io.moderato.text.Token;
import io.moderato.text.WordList;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word classes (profane, insult, dehumanising, slur, sexual, violent, wish, addressee) from {@code lexicon.txt},
 * matched on normalised tokens. Each match becomes a feature named after its class, so the models can weigh words
 * the corpus never used; how much each class counts is learnt from the corpus. A model bundle carries a copy of the
 * lexicon it was trained with ({@link #text()}), so editing the shipped file never changes an old bundle's features.
 * Thread-safe.
 */
public final class Lexicon {

    /** A class matched over a run of tokens. */
    public record Hit(String wordClass, int fromToken, int toToken) {
    }

    private static final Lexicon BUILT_IN = parse(readResource("lexicon.txt"));

    private final Map<String, WordList> classes;
    private final String text;

    private Lexicon(Map<String, WordList> classes, String text) {
        this.classes = classes;
        this.text = text;
    }

    /** @return the lexicon file's text, as parsed: what a bundle saves */
    public String text() {
        return text;
    }

    /** @return hex SHA-256 of {@link #text()} (UTF-8) */
    public String sha256() {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the lexicon that ships with Moderato */
    public static Lexicon builtIn() {
        return BUILT_IN;
    }

    /** @return the class names, in file order */
    public List<String> classNames() {
        return List.copyOf(classes.keySet());
    }

    /**
     * @param tokens normalised tokens, all of a text
     * @param from   first token to look at
     * @param to     one past the last token to look at
     * @return every class match that lies within the range
     */
    public List<Hit> find(List<Token> tokens, int from, int to) {
        List<Token> range = from == 0 && to == tokens.size() ? tokens : tokens.subList(from, to);
        List<Hit> hits = new ArrayList<>();
        classes.forEach((name, words) -> {
            for (WordList.Match match : words.find(range)) {
                hits.add(new Hit(name, from + match.fromToken(), from + match.toToken()));
            }
        });
        return hits;
    }

    /**
     * Reads a lexicon in the format of {@code lexicon.txt}: {@code [class]} headers, one entry a line, {@code #}
     * comments.
     *
     * @param text the file's content
     * @return the lexicon
     * @throws IllegalArgumentException when an entry comes before the first class
     */
    public static Lexicon parse(String text) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        String current = null;
        for (String line : text.split("\n", -1)) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            if (entry.startsWith("[") && entry.endsWith("]")) {
                current = entry.substring(1, entry.length() - 1);
                entries.putIfAbsent(current, new ArrayList<>());
            } else if (current == null) {
                throw new IllegalArgumentException("lexicon entry before the first [class]: " + entry);
            } else {
                entries.get(current).add(entry);
            }
        }
        Map<String, WordList> classes = new LinkedHashMap<>();
        entries.forEach((name, words) -> classes.put(name, WordList.of(words)));
        return new Lexicon(classes, text);
    }

    private static String readResource(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
