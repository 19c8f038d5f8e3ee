package io.moderato.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordListTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    private List<String> matches(WordList list, String text) {
        return list.find(normalizer.normalize(text).tokens()).stream().map(WordList.Match::entry).toList();
    }

    @Test
    void matchesObfuscatedSpellingsOfAPlainEntry() {
        WordList list = WordList.of(List.of("idiot"));
        for (String text : List.of("idiot", "1d10t", "i.d.i.o.t", "i d i o t", "іdіоt", "ＩＤＩＯＴ", "IDIOT!!")) {
            assertEquals(List.of("idiot"), matches(list, "you " + text), text);
        }
        assertTrue(matches(list, "idiotic idiom").isEmpty());
    }

    @Test
    void wildcardsAndPhrases() {
        WordList list = WordList.of(List.of("fuck*", "*shit", "wipe * out", "go back to your country"));
        assertEquals(List.of("fuck*"), matches(list, "f u c k i n g hell"));
        assertEquals(List.of("*shit"), matches(list, "total bullshit"));
        assertEquals(List.of("wipe * out"), matches(list, "wipe them out"));
        assertEquals(List.of("go back to your country"), matches(list, "Go back to your country!"));
        assertTrue(matches(list, "go back to work").isEmpty());
    }

    @Test
    void blankEntriesAreIgnored() {
        WordList list = WordList.of(List.of(" ", "", "ok"));
        assertEquals(1, list.size());
    }
}
