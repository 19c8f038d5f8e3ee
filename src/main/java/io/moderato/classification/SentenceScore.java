package io.moderato.classification;

import java.util.Map;

/**
 * The attribute scores of one sentence of a long comment.
 *
 * @param begin  offset of the sentence's first char in the comment
 * @param end    offset one past its last char
 * @param scores per attribute, the sentence's probability
 */
public record SentenceScore(int begin, int end, Map<Attribute, Double> scores) {
}
