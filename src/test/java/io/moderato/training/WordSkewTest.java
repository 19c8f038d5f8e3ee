package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.Lexicon;
import io.moderato.classification.Topic;
import io.moderato.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordSkewTest {

    private final WordSkew skew = new WordSkew(new TextNormalizer(), Lexicon.builtIn());

    private static CorpusReader.CorpusComment comment(String text, double toxicity) {
        Map<Attribute, Double> attributes = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            attributes.put(attribute, 0.0);
        }
        attributes.put(Attribute.TOXICITY, toxicity);
        return new CorpusReader.CorpusComment("c", "news", text, attributes, List.of(Topic.POLITICS));
    }

    private static WordSkew.Row row(WordSkew.Report report, String word) {
        return report.rows().stream().filter(r -> r.word().equals(word)).findFirst().orElseThrow();
    }

    @Test
    void countsEachWordOncePerCommentAgainstTheCorpusShare() {
        WordSkew.Report report = skew.measure(List.of(
                comment("I hope he dies, hope hope hope", 1.0),
                comment("I hope she comes home safe", 0.0),
                comment("Hope he wins", 0.1),
                comment("What a lovely day", 0.0)), Attribute.TOXICITY, 2);

        assertEquals(4, report.comments());
        assertEquals(1, report.positives());
        assertEquals(0.25, report.baseShare(), 1e-12);
        WordSkew.Row hope = row(report, "hope");
        assertEquals(3, hope.comments());
        assertEquals(1, hope.positives());
        assertEquals(1 / 3.0, hope.share(), 1e-12);
        assertTrue(report.rows().stream().noneMatch(r -> r.word().equals("lovely")), "below the minimum of 2 comments");
    }

    @Test
    void aRaterShareBelowHalfIsNotMarked() {
        WordSkew.Report report = skew.measure(List.of(comment("what the hell", 0.4), comment("what the heck", 0.5)),
                Attribute.TOXICITY, 1);

        assertEquals(1, report.positives());
        assertEquals(0.5, row(report, "what").share(), 1e-12);
    }

    @Test
    void readsWordsAsTheModelsDoAndSkipsPlaceholdersNumbersAndEmoji() {
        WordSkew.Report report = skew.measure(List.of(
                comment("@sam you 1d10t 😂 2024 https://example.com", 1.0),
                comment("what an idiot", 1.0)), Attribute.TOXICITY, 1);

        WordSkew.Row idiot = row(report, "idiot");
        assertEquals(2, idiot.comments(), "leetspeak folded to the word it spells");
        assertTrue(idiot.lexiconClasses().contains("insult"), idiot.toString());
        assertTrue(idiot.abusive());
        assertFalse(row(report, "you").abusive(), "the addressee class holds ordinary words");
        for (WordSkew.Row row : report.rows()) {
            assertTrue(row.word().codePoints().anyMatch(Character::isLetter), row.word());
            assertFalse(row.word().equals(TextNormalizer.MENTION) || row.word().equals(TextNormalizer.URL), row.word());
        }
    }

    @Test
    void ranksAFrequentSkewAboveARareOneOfTheSameShare() {
        List<CorpusReader.CorpusComment> comments = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            comments.add(comment("bet " + (i < 32 ? "toxic" : "fine"), i < 32 ? 1.0 : 0.0));
        }
        for (int i = 0; i < 5; i++) {
            comments.add(comment("fat " + (i < 4 ? "toxic" : "fine"), i < 4 ? 1.0 : 0.0));
        }
        List<String> order = skew.measure(comments, Attribute.TOXICITY, 5).rows().stream()
                .map(WordSkew.Row::word).filter(w -> Set.of("bet", "fat").contains(w)).toList();

        assertEquals(List.of("bet", "fat"), order, "both at 0.8, bet seen eight times as often");
    }

    @Test
    void wilsonLowerBoundMatchesKnownValues() {
        assertEquals(0.4902, WordSkew.wilsonLowerBound(8, 10), 1e-4);
        assertEquals(0.0, WordSkew.wilsonLowerBound(0, 10), 1e-12);
        assertEquals(0.7225, WordSkew.wilsonLowerBound(10, 10), 1e-4);
    }

    @Test
    void wilsonLowerBoundStaysBetweenZeroAndTheShareOnRandomCounts() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            int n = 1 + random.nextInt(5_000);
            int k = random.nextInt(n + 1);
            double bound = WordSkew.wilsonLowerBound(k, n);
            assertTrue(bound >= 0 && bound <= (double) k / n + 1e-12, k + "/" + n + " -> " + bound);
        }
    }

    @Test
    void refusesAMinimumBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> skew.measure(List.of(), Attribute.TOXICITY, 0));
    }
}
