package io.moderato.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splitsAtSentenceEndsAndLineBreaks() {
        String text = "This is one. And two!  Three?\nFour line";
        List<String> sentences = splitter.split(text).stream().map(s -> text.substring(s.begin(), s.end())).toList();
        assertEquals(List.of("This is one.", "And two!", "Three?", "Four line"), sentences);
    }

    @Test
    void rangesAreTrimmedOrderedAndInsideTheText() {
        Random random = new Random(3);
        String alphabet = "ab .!?\n\t'\"";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(80); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            int previous = 0;
            for (SentenceSplitter.Sentence s : splitter.split(text)) {
                assertTrue(s.begin() >= previous && s.begin() < s.end() && s.end() <= text.length());
                assertTrue(!Character.isWhitespace(text.charAt(s.begin())) && !Character.isWhitespace(text.charAt(s.end() - 1)));
                previous = s.end();
            }
        }
    }
}
