package io.moderato.perspective;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void englishAndAnythingUnclearIsEnglish() {
        assertEquals("en", detector.detect("What kind of idiot name is foo? Sorry, I like your name."));
        assertEquals("en", detector.detect("lol"));
        assertEquals("en", detector.detect("1d10t!!!"));
        assertEquals("en", detector.detect("Que sera, sera: the council will do what it likes."));
        assertEquals("en", detector.detect("you are an іdіоt"), "Cyrillic look-alikes in an English insult");
    }

    @Test
    void otherLanguagesByFunctionWordsOrScript() {
        assertEquals("es", detector.detect("No estoy de acuerdo con el autor, pero es un buen artículo para leer con calma."));
        assertEquals("fr", detector.detect("Je ne suis pas d'accord avec vous, mais c'est très bien écrit."));
        assertEquals("de", detector.detect("Ich bin nicht der Meinung, aber das ist ein sehr guter Artikel."));
        assertEquals("ru", detector.detect("Я не согласен с автором этой статьи."));
        assertEquals("ja", detector.detect("この記事はとても面白いと思います。"));
        assertEquals("zh", detector.detect("我不同意这篇文章的作者的观点。"));
    }

    @Test
    void englishCodes() {
        assertTrue(LanguageDetector.isEnglish("en"));
        assertTrue(LanguageDetector.isEnglish("EN-gb"));
        assertTrue(LanguageDetector.isEnglish("en_US"));
        assertFalse(LanguageDetector.isEnglish("es"));
        assertFalse(LanguageDetector.isEnglish("eng-x"));
    }
}
