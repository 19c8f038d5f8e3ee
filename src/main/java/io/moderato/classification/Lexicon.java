package io.moderato.classification;

import io.moderato.text.Token;
import io.moderato.text.WordList;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word classes (profane, insult, dehumanising, slur, sexual, violent, wish, addressee) from {@code lexicon.txt},
 * matched on normalised tokens. Each match becomes a feature named after its class, so the models can weigh words
 * the corpus never used; how much each class counts is learnt from the corpus. Thread-safe.
 */
public final class Lexicon {

    /** A class matched over a run of tokens. */
    public record Hit(String wordClass, int fromToken, int toToken) {
    }

    private static final Lexicon BUILT_IN = load("lexicon.txt");

    private final Map<String, WordList> classes;

    private Lexicon(Map<String, WordList> classes) {
        this.classes = classes;
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

    private static Lexicon load(String resource) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String current = null;
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("[") && entry.endsWith("]")) {
                    current = entry.substring(1, entry.length() - 1);
                    entries.putIfAbsent(current, new ArrayList<>());
                } else if (current == null) {
                    throw new IllegalStateException(resource + ": entry before the first [class]: " + entry);
                } else {
                    entries.get(current).add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, WordList> classes = new LinkedHashMap<>();
        entries.forEach((name, words) -> classes.put(name, WordList.of(words)));
        return new Lexicon(classes);
    }
}
