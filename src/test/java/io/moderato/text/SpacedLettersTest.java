package io.moderato.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpacedLettersTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void joinsThreeOrMoreSingleLetters() {
        assertEquals("you are stupid", normalizer.normalize("you are s t u p i d").joined());
        assertEquals("fuck", normalizer.normalize("f.u.c.k").joined());
    }

    @Test
    void leavesTwoSingleLettersAndLineBreaksAlone() {
        assertEquals("plan b a failure", normalizer.normalize("plan b, a failure").joined());
        assertEquals("a b", normalizer.normalize("a b").joined());
        assertEquals("a b c", normalizer.normalize("a\n\nb\n\nc").joined());
    }
}
