package io.moderato.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds one code point at a time: invisible format characters vanish, compatibility forms (fullwidth letters,
 * ligatures, circled letters) become their plain forms (NFKC), accents are dropped and letters are lower-cased.
 * Working per code point keeps a simple map from folded text back to the original.
 */
public final class CharacterFolding {

    private CharacterFolding() {
    }

    /**
     * @param codePoint one Unicode code point of the original text
     * @return its folded form: usually one char, empty for invisible characters, several for ligatures
     */
    public static String fold(int codePoint) {
        if (isInvisible(codePoint)) {
            return "";
        }
        if (codePoint < 0x80) {
            return String.valueOf((char) Character.toLowerCase(codePoint));
        }
        String compatible = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKC);
        String decomposed = Normalizer.normalize(compatible, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK && !isInvisible(cp))
                .forEach(folded::appendCodePoint);
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Zero-width and other format characters, variation selectors and emoji skin-tone modifiers: they change how a
     * word looks (or hide that it was split) but not what it says.
     */
    static boolean isInvisible(int codePoint) {
        if (codePoint == 0x00AD || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF) || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF)) {
            return true;
        }
        return Character.getType(codePoint) == Character.FORMAT;
    }
}
