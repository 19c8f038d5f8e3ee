package io.moderato.classification;

/**
 * A stretch of the comment that pushed an attribute's score up.
 *
 * @param begin     offset of the span's first char (UTF-16) in the comment
 * @param end       offset one past its last char
 * @param attribute the attribute it pushed up
 * @param score     the attribute's probability given this span alone (the model's bias plus the span's weight)
 */
public record Span(int begin, int end, Attribute attribute, double score) {
}
