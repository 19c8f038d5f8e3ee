package io.moderato.classification;

import io.moderato.text.NormalizedText;
import io.moderato.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureExtractorTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final FeatureExtractor extractor = new FeatureExtractor(FeatureSettings.DEFAULT, Lexicon.builtIn());

    private Features extract(String text) {
        return extractor.extract(normalizer.normalize(text));
    }

    @Test
    void valuesAreUnitLengthAndNamesDistinct() {
        Features f = extract("You are an idiot, an absolute idiot!");
        double norm = Arrays.stream(f.values()).map(v -> v * v).sum();
        assertEquals(1.0, norm, 1e-9);
        assertEquals(f.names().length, new HashSet<>(List.of(f.names())).size());
    }

    @Test
    void sameTextSameFeatures() {
        Features a = extract("Slow Joe strikes again");
        Features b = extract("Slow Joe strikes again");
        assertArrayEquals(a.names(), b.names());
        assertArrayEquals(a.values(), b.values());
    }

    @Test
    void obfuscatedSpellingsShareTheFeaturesOfThePlainWord() {
        assertArrayEquals(extract("you idiot").names(), extract("you іdіоt").names());
        assertArrayEquals(extract("you idiot").names(), extract("you 1d10t").names());
        assertArrayEquals(extract("fuck off").names(), extract("f*ck off").names());
    }

    @Test
    void eachFeaturesSharesAddUpToOne() {
        NormalizedText text = normalizer.normalize("the idiot said the idiot thing");
        Features f = extractor.extract(text);
        double[] shares = new double[f.names().length];
        for (int k = 0; k < f.occurrenceFeature().length; k++) {
            shares[f.occurrenceFeature()[k]] += f.occurrenceShare()[k];
            assertTrue(f.occurrenceToken()[k] >= 0 && f.occurrenceToken()[k] < text.tokens().size());
        }
        for (double share : shares) {
            assertEquals(1.0, share, 1e-9);
        }
    }

    @Test
    void shoutingIsAFeature() {
        assertTrue(List.of(extract("THIS IS OUTRAGEOUS AND YOU KNOW IT").names()).contains(FeatureExtractor.SHOUTING));
        assertTrue(!List.of(extract("This is outrageous and you know it").names()).contains(FeatureExtractor.SHOUTING));
    }

    @Test
    void emptyTextHasNoFeatures() {
        assertTrue(extract("   ").isEmpty());
    }
}
