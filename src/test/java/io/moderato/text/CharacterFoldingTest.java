package io.moderato.text;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CharacterFoldingTest {

    private static String fold(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.append(CharacterFolding.fold(cp)));
        return sb.toString();
    }

    @Test
    void foldsCaseAccentsAndCompatibilityForms() {
        assertEquals("idiot", fold("ＩＤＩＯＴ"));
        assertEquals("cafe naive", fold("Café naïve"));
        assertEquals("fi", fold("ﬁ"));
        assertEquals("abc", fold("ⓐⓑⓒ"));
    }

    @Test
    void dropsInvisibleCharacters() {
        assertEquals("idiot", fold("i\u200Bd\u200Ci\u200Do\u2060t\uFEFF"));
        assertEquals("👍", fold("👍🏽"));
        assertEquals("soft", fold("so\u00ADft"));
    }

    @Test
    void keepsOtherScriptsReadable() {
        assertEquals("привет", fold("Привет"));
        assertEquals("中国", fold("中国"));
    }

    @Test
    void neverProducesInvisibleOrUpperCaseAsciiOnRandomInput() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int cp = random.nextInt(0x30000);
            if (!Character.isValidCodePoint(cp) || Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            String folded = CharacterFolding.fold(cp);
            folded.codePoints().forEach(c -> {
                assertFalse(CharacterFolding.isInvisible(c), () -> "invisible char left from U+" + Integer.toHexString(cp));
                assertFalse(c >= 'A' && c <= 'Z', () -> "upper case left from U+" + Integer.toHexString(cp));
            });
        }
    }
}
