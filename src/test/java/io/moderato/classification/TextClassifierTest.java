package io.moderato.classification;

import io.moderato.TestModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.moderato.embedding.Embedder;
import io.moderato.embedding.EncoderIdentity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trained model on the hard distinctions the corpus teaches: in each pair the abusive comment must score above
 * the benign one it resembles, on the attribute named.
 */
class TextClassifierTest {

    private static TextClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = new TextClassifier(TestModels.full(), ScoringSettings.DEFAULT, TestModels.encoder());
    }

    private static double score(String text, Attribute attribute) {
        return classifier.classify(text, null).score(attribute);
    }

    @ParameterizedTest(name = "{0}: \"{1}\" above \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            // blunt political criticism vs abuse of the same politician
            "INSULT|Biden is a senile idiot and a liar.|Biden's student loan plan is a disaster and he should drop it.",
            "TOXICITY|The senator is a lying sack of garbage.|The senator lied under oath and should resign.",
            // sarcasm vs a wish of violence
            "THREAT|Billionaires are parasites and someone should wipe them out.|Oh great, another tax cut for billionaires. That'll trickle down any day now.",
            // a borderline nickname vs a nickname with abuse
            "TOXICITY|Slow Joe is a senile pervert who belongs in a cage.|Slow Joe strikes again with another gaffe at the podium.",
            // identity terms used neutrally vs an identity attack
            "IDENTITY_ATTACK|The Chinese are rats and should all be thrown out of this country.|As a Chinese American, I think these tariffs hurt families like mine.",
            "IDENTITY_ATTACK|Muslims are animals who breed like rats.|The Muslims in my town organised the food bank during the floods.",
            "IDENTITY_ATTACK|Gays are disgusting perverts.|My gay son and his husband came to visit for Christmas.",
            // profanity not aimed at anyone vs aimed at someone
            "INSULT|You are a fucking idiot.|This fucking weather ruined our picnic again.",
            "TOXICITY|Shut the hell up, you pathetic clown.|Holy shit, what a goal in the last minute!",
            // abuse with no swear word
            "TOXICITY|She is a former prostitute who slept her way to the top.|She is a former prosecutor who worked her way to the top.",
            "INSULT|What a pathetic little man, a traitor to his country.|What a remarkable career for a man from a small town.",
            // obfuscated abuse
            "INSULT|You are a 1d10t.|You are an artist.",
            "INSULT|what a s t u p i d m o r o n|what a lovely sunny morning",
            "INSULT|you absolute іdіоt|you absolute legend",
            "PROFANITY|f*ck you and your party|thank you and your party",
            "INSULT|stuuuupid cl0wn|sunny day out",
            // threats and wishes of violence vs violent words used harmlessly
            "THREAT|Someone should wipe them out.|Someone should vote them out.",
            "THREAT|I hope her plane goes down.|I hope her plane lands on time.",
            "THREAT|We will find you and smash your skull in.|We will crush them on Saturday, 3-0 easy.",
            // a wish of harm in the same sentence as an insult is a threat, not only an insult
            "THREAT|Councillor Hughes is a lying piece of garbage and I hope someone beats him senseless.|Councillor Hughes is a lying piece of garbage and I hope the voters kick him out.",
            // sexualised abuse of a woman politician vs neutral coverage
            "SEXUALLY_EXPLICIT|She only got the nomination on her knees, the whore.|She only got the nomination after a tough primary.",
            // quoting abuse to condemn it vs the abuse
            "TOXICITY|She is a whore and a traitor.|Calling her a 'whore' in a headline is disgusting."})
    void abusiveScoresAboveTheBenignItResembles(Attribute attribute, String abusive, String benign) {
        double high = score(abusive, attribute);
        double low = score(benign, attribute);
        assertTrue(high > low, () -> String.format("%s: %.3f for \"%s\" is not above %.3f for \"%s\"",
                attribute, high, abusive, low, benign));
    }

    @Test
    void clearAbuseIsFlaggedAndPlainTalkIsNot() {
        ModelBundle bundle = classifier.bundle();
        assertTrue(score("You are a disgusting idiot and everyone hates you.", Attribute.TOXICITY) >= bundle.threshold(Attribute.TOXICITY));
        assertFalse(score("The council will vote on the new bus lanes on Tuesday.", Attribute.TOXICITY) >= bundle.threshold(Attribute.TOXICITY));
    }

    @Test
    void aLongCommentNeverScoresBelowItsWorstSentence() {
        String text = "I read the whole article twice and the figures on housing look right to me. "
                + "The council has missed its targets for five years in a row and nobody seems to care. "
                + "Councillor Hughes is a lying piece of garbage. I hope someone beats him senseless. "
                + "Anyway, the new flats on Mill Road look decent and the rents are fair for once.";
        // In fast mode the word model's sentence maximum is the score itself.
        Classification fast = classifier.classify(text, null, ScoringMode.FAST);
        assertTrue(fast.sentences().size() >= 2, "scored by sentence");
        for (SentenceScore sentence : fast.sentences()) {
            for (Attribute attribute : Attribute.values()) {
                assertTrue(fast.score(attribute) >= sentence.scores().get(attribute) - 1e-12, attribute + " below a sentence");
            }
        }
        assertTrue(fast.score(Attribute.THREAT) >= classifier.bundle().threshold(Attribute.THREAT, ScoringMode.FAST),
                "the threat sentence counts");
        // In full mode the sentence maximum is one input of the combiner: the threat sentence still raises the score.
        Classification full = classifier.classify(text, null, ScoringMode.FULL);
        assertEquals(ScoringMode.FULL, full.mode());
        String without = text.replace("Councillor Hughes is a lying piece of garbage. I hope someone beats him senseless. ", "");
        double calm = classifier.classify(without, null, ScoringMode.FULL).score(Attribute.THREAT);
        assertTrue(full.score(Attribute.THREAT) > calm, () -> String.format(
                "threat %.3f with the sentence, %.3f without", full.score(Attribute.THREAT), calm));
    }

    @Test
    void spansPointAtTheWordsThatDroveTheScore() {
        String text = "Honestly you are a complete m0r0n.";
        Classification c = classifier.classify(text, null);
        List<Span> insults = c.spans().stream().filter(s -> s.attribute() == Attribute.INSULT).toList();
        assertFalse(insults.isEmpty(), "an insult span");
        for (Span span : c.spans()) {
            assertTrue(span.begin() >= 0 && span.begin() < span.end() && span.end() <= text.length());
            assertTrue(span.score() >= 0 && span.score() <= 1);
        }
        assertTrue(insults.stream().anyMatch(s -> text.substring(s.begin(), s.end()).contains("m0r0n")),
                () -> "m0r0n is highlighted: " + insults);
    }

    @Test
    void aListedInsultIsTheToxicitySpanNotTheWordsAroundIt() {
        String text = "Get this straight: Biden is a traitor. And Harris is a former prostitute.";
        Classification c = classifier.classify(text, null);
        List<String> toxic = c.spans().stream().filter(s -> s.attribute() == Attribute.TOXICITY)
                .map(s -> text.substring(s.begin(), s.end())).toList();
        assertEquals(List.of("traitor", "prostitute"), toxic);
    }

    @Test
    void withoutListedWordsTheStrongestWeightsMakeTheSpan() {
        String text = "Billy is a crook and he should be prosecuted.";
        java.util.Set<String> abusive = java.util.Set.of("profane", "insult", "slur", "dehumanising", "sexual");
        assertTrue(classifier.bundle().word().lexicon().find(classifier.normalize(text).tokens(), 0, 9).stream()
                .noneMatch(hit -> abusive.contains(hit.wordClass())), "no abusive word of the lexicon in this comment");
        Classification c = classifier.classify(text, null);
        List<String> toxic = c.spans().stream().filter(s -> s.attribute() == Attribute.TOXICITY)
                .map(s -> text.substring(s.begin(), s.end())).toList();
        assertTrue(toxic.contains("crook"), () -> "crook is highlighted: " + toxic);
    }

    @Test
    void spansHoldContentWordsOnly() throws Exception {
        var heldOut = new io.moderato.training.CorpusReader().read(TestModels.CORPUS_DIR.resolve("heldout.jsonl"));
        java.util.Set<String> stopWords = java.util.Set.of("a", "an", "and", "the", "by", "of", "to", "is", "you", "for");
        int spans = 0;
        for (var comment : heldOut.comments().subList(0, 400)) {
            String text = comment.text();
            Classification c = classifier.classify(text, null, ScoringMode.FAST);
            java.util.Map<Attribute, Long> perAttribute = c.spans().stream()
                    .collect(java.util.stream.Collectors.groupingBy(Span::attribute, java.util.stream.Collectors.counting()));
            perAttribute.values().forEach(n -> assertTrue(n <= WordModel.MAX_SPANS_PER_ATTRIBUTE, text));
            var tokens = classifier.normalize(text).tokens();
            for (Span span : c.spans()) {
                spans++;
                String covered = text.substring(span.begin(), span.end());
                var inside = tokens.stream().filter(t -> t.begin() >= span.begin() && t.end() <= span.end()).toList();
                assertFalse(inside.isEmpty(), text);
                assertFalse(stopWords.contains(inside.get(0).normalized()), () -> "span starts with a function word: " + covered);
                assertFalse(stopWords.contains(inside.get(inside.size() - 1).normalized()), () -> "span ends with a function word: " + covered);
                assertTrue(covered.codePoints().anyMatch(Character::isLetterOrDigit)
                        || covered.codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL),
                        () -> "span of punctuation only: " + covered);
            }
        }
        assertTrue(spans > 50, "the held-out comments have spans: " + spans);
    }

    @Test
    void topicsAreSortedAndFollowTheArticle() {
        Classification sport = classifier.classify("What a finish, the keeper saved a penalty in the last minute!", null);
        assertEquals(Topic.SPORT, sport.topics().get(0).topic());
        Classification vague = classifier.classify("I could not agree more with this.",
                new ArticleContext("Fed raises interest rates again as inflation lingers", "The central bank raised rates by a quarter point."));
        assertEquals(Topic.ECONOMY_BUSINESS_FINANCE, vague.topics().get(0).topic());
        for (int i = 1; i < vague.topics().size(); i++) {
            assertTrue(vague.topics().get(i - 1).score() >= vague.topics().get(i).score());
        }
    }

    @Test
    void scoresAreProbabilities() {
        for (String text : List.of("", "a", "🤡", "x".repeat(5000), "ЗАЧЕМ", "中国人")) {
            Classification c = classifier.classify(text, null);
            c.attributes().values().forEach(v -> assertTrue(v >= 0 && v <= 1, text));
            assertFalse(c.topics().isEmpty());
        }
    }

    @Test
    void aBatchIsScoredAsEachCommentAlone() {
        // Each text embedded on its own, whatever batch it comes in: the quantised encoder's vectors depend on the
        // batch, and this test is about what the classifier does with them.
        Map<String, float[]> alone = new ConcurrentHashMap<>();
        Embedder byText = embedder(batch -> batch.stream()
                .map(t -> alone.computeIfAbsent(t, TestModels.encoder()::embed)).toArray(float[][]::new));
        TextClassifier batching = new TextClassifier(TestModels.full(), ScoringSettings.DEFAULT, byText);
        List<String> texts = List.of("You are a fucking idiot.", "What a finish, the keeper saved a penalty!",
                "Councillor Hughes is a lying piece of garbage. I hope someone beats him senseless. Vote him out.", "",
                "She is a former prostitute who slept her way to the top.");
        ArticleContext article = new ArticleContext("Senate race tightens", "The polls have narrowed.");
        List<ArticleContext> contexts = java.util.Arrays.asList(null, article, null, article, null);
        for (ScoringMode mode : ScoringMode.values()) {
            for (boolean spans : new boolean[] {true, false}) {
                List<Classification> batch = batching.classifyAll(texts, contexts, mode, spans);
                for (int i = 0; i < texts.size(); i++) {
                    Classification single = batching.classifyAll(List.of(texts.get(i)),
                            java.util.Collections.singletonList(contexts.get(i)), mode, spans).get(0);
                    assertEquals(single, batch.get(i), mode + " " + texts.get(i));
                    assertEquals(mode, batch.get(i).mode());
                }
            }
        }
        assertFalse(batching.classifyAll(texts, contexts, ScoringMode.FULL, true).get(2).spans().isEmpty());
    }

    @Test
    void aFailingEncoderFailsTheBatch() {
        Embedder failing = embedder(batch -> {
            throw new IllegalStateException("encoder down");
        });
        TextClassifier broken = new TextClassifier(TestModels.full(), ScoringSettings.DEFAULT, failing);
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> broken.classifyAll(List.of("one", "two"), null, ScoringMode.FULL, true));
        assertEquals("encoder down", thrown.getMessage());
        assertEquals(ScoringMode.FAST, broken.classifyAll(List.of("one", "two"), null, ScoringMode.FAST, true).get(1).mode());
    }

    /** An embedder with the test encoder's identity that embeds as told. */
    private static Embedder embedder(Function<List<String>, float[][]> embed) {
        return new Embedder() {
            @Override
            public EncoderIdentity identity() {
                return TestModels.encoder().identity();
            }

            @Override
            public float[][] embedAll(List<String> texts) {
                return embed.apply(texts);
            }
        };
    }
}
