package io.moderato.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    private String joined(String text) {
        return normalizer.normalize(text).joined();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "You 1d10t!!!|you idiot",
            "f*ck you|fuck you",
            "s t u p i d moron|stupid moron",
            "what a m.o.r.o.n|what a moron",
            "f-u-c-k off|fuck off",
            "іdіоt|idiot",
            "ＹＯＵ ＩＤＩＯＴ|you idiot",
            "stuuuupid|stuupid",
            "zero\u200Bwidth|zerowidth",
            "@Dave2020 nobody asked|_mention_ nobody asked",
            "@ss|ass",
            "see https://example.com/a?b=1 now|see _url_ now",
            "www.example.org|_url_",
            "don't|dont",
            "U.S. policy|us policy",
            "Café naïve|cafe naive",
            "🤡🤡 clown 👍🏽|🤡 🤡 clown 👍",
            "well-known fact|well known fact",
            "Привет мир|привет мир",
            "costs $9.50 an hour|costs $9.50 an hour"})
    void knownCases(String text, String expected) {
        assertEquals(expected, joined(text));
    }

    @Test
    void tokensPointBackIntoTheOriginal() {
        String text = "Hey @bob, you are a 1d10t 🤡 and s t u p i d";
        NormalizedText normalized = normalizer.normalize(text);
        List<String> originals = normalized.tokens().stream().map(t -> text.substring(t.begin(), t.end())).toList();
        assertEquals(List.of("Hey", "@bob", "you", "are", "a", "1d10t", "🤡", "and", "s t u p i d"), originals);
    }

    @Test
    void emptyAndPunctuationOnlyTextHaveNoTokens() {
        assertTrue(normalizer.normalize("").tokens().isEmpty());
        assertTrue(normalizer.normalize("  ?!... ,,, ").tokens().isEmpty());
    }

    @Test
    void randomInputNeverBreaksTheInvariants() {
        Random random = new Random(42);
        String alphabet = "abcXYZ019 .-_*@$!#'\"\n\t\u200B\u00ADіоаеᴀｉ😀🤡👍🏽é\u0301中🇺🇸\\/<>";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(60);
            for (int k = 0; k < length; k++) {
                if (random.nextInt(10) == 0) {
                    sb.appendCodePoint(random.nextInt(0x2FFFF));
                } else {
                    sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                }
            }
            String text = sb.toString();
            NormalizedText normalized = normalizer.normalize(text);
            int previousEnd = 0;
            for (Token token : normalized.tokens()) {
                assertTrue(token.begin() >= previousEnd, () -> "overlapping tokens in " + text);
                assertTrue(token.begin() < token.end() && token.end() <= text.length(), () -> "bad offsets in " + text);
                assertFalse(token.normalized().isEmpty(), () -> "empty token in " + text);
                assertFalse(token.normalized().chars().anyMatch(Character::isWhitespace), () -> "white space in token of " + text);
                previousEnd = token.end();
            }
            assertEquals(normalized.joined(), normalizer.normalize(text).joined(), "normalisation is deterministic");
        }
    }
}
