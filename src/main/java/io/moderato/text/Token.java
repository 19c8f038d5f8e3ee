package io.moderato.text;

/**
 * One normalised word of a comment.
 *
 * @param begin      offset of the first UTF-16 char of the word in the original text
 * @param end        offset one past the last char of the word in the original text
 * @param normalized the folded form the models and word lists see (lower case, plain Latin letters where possible)
 */
public record Token(int begin, int end, String normalized) {
}
