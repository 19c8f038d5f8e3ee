package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.Lexicon;
import io.moderato.text.NormalizedText;
import io.moderato.text.TextNormalizer;
import io.moderato.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which words a corpus teaches to predict an attribute by themselves. For every word (normalised as the models read
 * it) in at least a given number of comments: the share of those comments that carry the attribute, beside the
 * corpus's own share. An ordinary word far above the corpus's share ("hope" in a corpus whose comments with "hope"
 * are mostly "I hope he dies") is unintended bias in the making (Dixon et al. 2018): the models learn the word, not
 * the abuse. The corpus writer's tool for choosing what a new part must cover; it reads the corpus only.
 */
public final class WordSkew {

    /**
     * Lexicon classes of abusive words, whose skew is intended. The other classes ({@code wish}, {@code addressee})
     * hold ordinary words.
     */
    public static final Set<String> ABUSIVE_CLASSES = Set.of("profane", "insult", "dehumanising", "slur", "sexual",
            "violent");

    private static final double Z = 1.959964;

    /**
     * One word's share.
     *
     * @param word           the normalised word
     * @param comments       comments that contain it
     * @param positives      of those, comments at least half the raters marked with the attribute
     * @param share          positives / comments
     * @param lowerBound     lower end of the 95% Wilson score interval of the share: a word seen 300 times at 0.80
     *                       ranks above one seen 25 times at 0.84
     * @param lexiconClasses the lexicon classes the word alone belongs to, sorted
     */
    public record Row(String word, int comments, int positives, double share, double lowerBound,
                      Set<String> lexiconClasses) {

        /** @return true when the lexicon lists the word as abusive, so that its skew is intended */
        public boolean abusive() {
            return lexiconClasses.stream().anyMatch(ABUSIVE_CLASSES::contains);
        }
    }

    /**
     * The report.
     *
     * @param attribute the attribute counted
     * @param comments  comments read
     * @param positives of those, comments at least half the raters marked with it
     * @param rows      words in at least the minimum number of comments, highest {@link Row#lowerBound()} first
     */
    public record Report(Attribute attribute, int comments, int positives, List<Row> rows) {

        /** @return the corpus's own share of comments with the attribute */
        public double baseShare() {
            return comments == 0 ? 0 : (double) positives / comments;
        }
    }

    private final TextNormalizer normalizer;
    private final Lexicon lexicon;

    /**
     * @param normalizer the models' text normalisation, so that {@code 1d10t} and {@code idiot} count as one word
     * @param lexicon    the lexicon whose classes annotate each word
     */
    public WordSkew(TextNormalizer normalizer, Lexicon lexicon) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
    }

    /**
     * @param comments    the corpus comments
     * @param attribute   the attribute to count
     * @param minComments a word is reported when at least this many comments contain it (at least 1)
     * @return the report
     * @throws IllegalArgumentException when {@code minComments} is below 1
     */
    public Report measure(List<CorpusReader.CorpusComment> comments, Attribute attribute, int minComments) {
        if (minComments < 1) {
            throw new IllegalArgumentException("minComments must be at least 1, got " + minComments);
        }
        Map<String, int[]> counts = new HashMap<>();
        int positives = 0;
        for (CorpusReader.CorpusComment comment : comments) {
            boolean present = comment.attributes().getOrDefault(attribute, 0.0) >= 0.5;
            positives += present ? 1 : 0;
            NormalizedText text = normalizer.normalize(comment.text());
            Set<String> seen = new HashSet<>();
            for (Token token : text.tokens()) {
                String word = token.normalized();
                if (isWord(word) && seen.add(word)) {
                    int[] count = counts.computeIfAbsent(word, w -> new int[2]);
                    count[0]++;
                    count[1] += present ? 1 : 0;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((word, count) -> {
            if (count[0] >= minComments) {
                Set<String> classes = new TreeSet<>();
                // The lexicon matches normalised tokens; the word alone is one.
                for (Lexicon.Hit hit : lexicon.find(List.of(new Token(0, word.length(), word)), 0, 1)) {
                    classes.add(hit.wordClass());
                }
                rows.add(new Row(word, count[0], count[1], (double) count[1] / count[0],
                        wilsonLowerBound(count[1], count[0]), Set.copyOf(classes)));
            }
        });
        rows.sort(Comparator.comparingDouble(Row::lowerBound).reversed().thenComparing(Row::word));
        return new Report(attribute, comments.size(), positives, List.copyOf(rows));
    }

    /**
     * @param positives successes
     * @param n         trials, at least 1
     * @return the lower end of the 95% Wilson score interval of {@code positives / n}
     */
    static double wilsonLowerBound(int positives, int n) {
        double p = (double) positives / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2.0 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }

    /** Placeholders (links, mentions), numbers, punctuation and emoji are not words. */
    private static boolean isWord(String token) {
        if (token.equals(TextNormalizer.URL) || token.equals(TextNormalizer.MENTION)) {
            return false;
        }
        return token.codePoints().anyMatch(Character::isLetter);
    }
}
