package io.moderato.text;

import java.util.List;

/**
 * A comment after normalisation: its original text and its tokens, each pointing back into the original.
 *
 * @param original the text as received
 * @param tokens   normalised tokens in reading order
 */
public record NormalizedText(String original, List<Token> tokens) {

    /** @return the normalised tokens joined by single spaces, handy for logs and word-list matching */
    public String joined() {
        StringBuilder sb = new StringBuilder();
        for (Token token : tokens) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(token.normalized());
        }
        return sb.toString();
    }
}
