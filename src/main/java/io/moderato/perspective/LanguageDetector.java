package io.moderato.perspective;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses a comment's language cheaply (microseconds, no model): by writing system for texts mostly in a non-Latin
 * script, and by counting frequent function words for seven Latin-script languages. It only needs to tell English
 * from the rest, because Moderato's models are English only; when the evidence for another language is weak it
 * answers English, so a short or odd English comment is never refused. Thread-safe.
 */
public final class LanguageDetector {

    /** English, the only language Moderato scores. */
    public static final String ENGLISH = "en";

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** A non-Latin script must carry this many letters, and this share of all letters, to decide. */
    private static final int MIN_SCRIPT_LETTERS = 8;
    private static final double MIN_SCRIPT_SHARE = 0.6;
    /** Another language needs this many function words, and more than twice as many as English. */
    private static final int MIN_WORD_HITS = 3;

    private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();

    static {
        FUNCTION_WORDS.put(ENGLISH, Set.of("the", "and", "is", "are", "you", "your", "of", "to", "in", "that", "it",
                "this", "for", "with", "was", "not", "be", "have", "on", "what", "i", "they", "he", "she", "we", "my",
                "just", "so", "but", "an", "a", "like", "do", "don't", "at", "if", "or", "who", "all"));
        FUNCTION_WORDS.put("es", Set.of("el", "los", "las", "que", "y", "un", "una", "es", "por", "con", "para", "lo",
                "su", "del", "al", "como", "pero", "muy", "está", "este", "esta", "son", "se", "eres", "tu", "mi"));
        FUNCTION_WORDS.put("fr", Set.of("le", "les", "des", "du", "et", "est", "une", "qui", "pas", "pour", "dans",
                "ce", "il", "elle", "sur", "avec", "je", "vous", "nous", "très", "mais", "tu", "es", "ton"));
        FUNCTION_WORDS.put("de", Set.of("der", "das", "und", "ist", "nicht", "ein", "eine", "ich", "du", "sie", "zu",
                "mit", "auf", "für", "den", "dem", "auch", "sehr", "aber", "wie", "bist", "dein"));
        FUNCTION_WORDS.put("it", Set.of("il", "gli", "di", "che", "è", "per", "non", "sono", "del", "della", "ma",
                "molto", "questo", "sei", "tuo", "una", "con"));
        FUNCTION_WORDS.put("pt", Set.of("os", "não", "para", "com", "do", "da", "em", "por", "mas", "muito", "você",
                "isso", "uma", "um", "que", "é"));
        FUNCTION_WORDS.put("nl", Set.of("het", "een", "en", "niet", "van", "op", "dat", "ik", "je", "zijn", "met",
                "voor", "maar", "ook", "heel", "jij", "bent"));
    }

    /**
     * @param text a comment
     * @return an ISO 639-1 code; {@link #ENGLISH} unless the text clearly is in another language
     */
    public String detect(String text) {
        String byScript = byScript(text);
        if (byScript != null) {
            return byScript;
        }
        Map<String, Integer> hits = new LinkedHashMap<>();
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            FUNCTION_WORDS.forEach((language, list) -> {
                if (list.contains(word)) {
                    hits.merge(language, 1, Integer::sum);
                }
            });
        }
        int english = hits.getOrDefault(ENGLISH, 0);
        String best = ENGLISH;
        int bestHits = 0;
        for (Map.Entry<String, Integer> entry : hits.entrySet()) {
            if (!entry.getKey().equals(ENGLISH) && entry.getValue() > bestHits) {
                best = entry.getKey();
                bestHits = entry.getValue();
            }
        }
        return bestHits >= MIN_WORD_HITS && bestHits > 2 * english ? best : ENGLISH;
    }

    private static String byScript(String text) {
        Map<String, Integer> letters = new LinkedHashMap<>();
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            total++;
            String language = switch (Character.UnicodeScript.of(cp)) {
                case CYRILLIC -> "ru";
                case GREEK -> "el";
                case ARABIC -> "ar";
                case HEBREW -> "he";
                case HAN -> "zh";
                case HIRAGANA, KATAKANA -> "ja";
                case HANGUL -> "ko";
                case DEVANAGARI -> "hi";
                case THAI -> "th";
                default -> null;
            };
            if (language != null) {
                letters.merge(language, 1, Integer::sum);
            }
        }
        if (letters.containsKey("ja")) {
            // Japanese mixes kana with Han characters.
            letters.merge("ja", letters.getOrDefault("zh", 0), Integer::sum);
            letters.remove("zh");
        }
        for (Map.Entry<String, Integer> entry : letters.entrySet()) {
            if (entry.getValue() >= MIN_SCRIPT_LETTERS && entry.getValue() >= MIN_SCRIPT_SHARE * total) {
                return entry.getKey();
            }
        }
        return null;
    }

    /**
     * @param code an ISO 639-1 or BCP-47 code, any case, e.g. {@code en}, {@code en-GB}, {@code EN_us}
     * @return true when it names English
     */
    public static boolean isEnglish(String code) {
        String primary = code.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.equals(ENGLISH);
    }
}
