package io.moderato.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Known cases for each per-word normalisation step. */
class WordStepsTest {

    @ParameterizedTest
    @CsvSource({"іdіоt,idiot", "ѕһіt,shit", "рrоѕtіtutе,prostitute", "αssholε,asshole", "привет,привет", "мир,мир",
            "idiot,idiot", "καλημέρα,καλημέρα"})
    void confusables(String in, String expected) {
        assertEquals(expected, ConfusableFolding.fold(in));
    }

    @ParameterizedTest
    @CsvSource({"1d10t,idiot", "sh!t,shit", "@ss,ass", "a$$,ass", "b!tch,bitch", "m0r0n,moron", "l0s3r,loser",
            "covid19,covid19", "2nd,2nd", "10am,10am", "2024,2024", "mp3,mp3", "80s,80s", "hello,hello"})
    void leetspeak(String in, String expected) {
        assertEquals(expected, Leetspeak.decode(in));
    }

    @ParameterizedTest
    @CsvSource({"f*ck,fuck", "f**k,fuck", "sh*t,shit", "b***h,bitch", "c*nt,cunt", "f***ing,fucking", "a**,ass",
            "h*ll,hll", "***,''", "plain,plain"})
    void maskedWords(String in, String expected) {
        assertEquals(expected, MaskedWords.resolve(in));
    }

    @ParameterizedTest
    @CsvSource({"stuuuupid,stuupid", "soooooo,soo", "good,good", "aaa,aa", "ab,ab", "zzzzzz,zz", "bullllshit,bullshit"})
    void repeatedLetters(String in, String expected) {
        assertEquals(expected, RepeatedLetters.collapse(in));
    }
}
