package io.moderato.embedding;

import io.moderato.TestModels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped encoder, run for real from the jar on the class path. */
class SentenceEncoderTest {

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void embeddingsAreNormalisedDeterministicAndMeaningful() {
        SentenceEncoder encoder = TestModels.encoder();
        float[] idiot = encoder.embed("You are a complete idiot.");
        float[] moron = encoder.embed("You are a total moron.");
        float[] weather = encoder.embed("Lovely sunny weather in Lisbon today.");
        assertEquals(384, idiot.length);
        assertEquals(1.0, dot(idiot, idiot), 1e-4);
        assertArrayEquals(idiot, encoder.embed("You are a complete idiot."), "same text, same vector");
        assertTrue(dot(idiot, moron) > dot(idiot, weather), "two insults are closer than an insult and the weather");
    }

    @Test
    void aBatchGivesNearlyTheSameVectorsAsOneByOne() {
        // The quantised model scales activations per call, so a text's vector moves slightly with its batch
        // neighbours; what it says must not.
        SentenceEncoder encoder = TestModels.encoder();
        List<String> texts = List.of("short", "a somewhat longer comment about the council budget and the bus lanes", "🤡", "");
        float[][] batch = encoder.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = encoder.embed(texts.get(i));
            assertTrue(dot(alone, batch[i]) > 0.995, texts.get(i) + ": cosine " + dot(alone, batch[i]));
            assertArrayEquals(alone, encoder.embed(texts.get(i)), "the same call gives the same vector");
        }
    }

    @Test
    void longTextsAreReadInWindowsToTheEnd() {
        SentenceEncoder encoder = TestModels.encoder();
        String filler = "The committee met on Tuesday to discuss the annual budget of the parish. ".repeat(80);
        assertTrue(encoder.tokenCount(filler) > 2 * EncoderSpec.E5_SMALL_V2_Q.maxTokens());
        float[] calm = encoder.embed(filler + "Thanks for reading.");
        float[] ending = encoder.embed(filler + "You are all worthless idiots and I hope you rot.");
        assertFalse(java.util.Arrays.equals(calm, ending), "the last window still counts");
        assertEquals(1.0, dot(ending, ending), 1e-4);
        String essay = filler.repeat(4);
        assertTrue(encoder.tokenCount(essay) > SentenceEncoder.MAX_WINDOWS * EncoderSpec.E5_SMALL_V2_Q.maxTokens());
        assertArrayEquals(encoder.embed(essay), encoder.embed(essay + " And a last word nobody reads."),
                "at most eight windows are read");
    }

    @Test
    void theBulkEncoderGivesTheServingEncodersVectors() {
        // Training embeds the corpus in bulk (runs side by side, one thread each) and serving embeds a comment with
        // every intra-op thread on one run: the heads must see the same vectors either way. Texts of many lengths
        // make many runs, so the bulk encoder really runs them side by side.
        List<String> texts = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        String[] words = {"council", "budget", "idiot", "the", "bus", "lane", "you", "are", "wrong", "again", "🤡"};
        for (int i = 0; i < 120; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(i < 100 ? 40 : 400);
            for (int w = 0; w < length; w++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            texts.add(text.toString().trim());
        }
        SentenceEncoder bulk = TestModels.encoder();
        try (SentenceEncoder serving = new SentenceEncoder(EncoderSpec.E5_SMALL_V2_Q, 2)) {
            float[][] expected = serving.embedAll(texts);
            float[][] actual = bulk.embedAll(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertTrue(dot(expected[i], actual[i]) > 0.99999, texts.get(i) + ": cosine " + dot(expected[i], actual[i]));
            }
        }
    }

    @Test
    void identityNamesTheLoadedFile() {
        SentenceEncoder encoder = TestModels.encoder();
        EncoderIdentity identity = encoder.identity();
        assertEquals("e5-small-v2-q", identity.name());
        assertEquals(64, identity.sha256().length());
        assertEquals(EncoderSpec.Pooling.MEAN, identity.pooling());
        assertEquals("query: ", identity.prefix());
    }
}
