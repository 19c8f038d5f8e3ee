package io.moderato.classification.rest;

import io.moderato.classification.Span;

/**
 * A stretch of the comment that pushed an attribute up.
 *
 * @param begin     UTF-16 offset of its first char
 * @param end       offset one past its last char
 * @param attribute attribute key
 * @param score     the attribute's probability for this span alone
 */
public record SpanDto(int begin, int end, String attribute, double score) {

    static SpanDto of(Span span) {
        return new SpanDto(span.begin(), span.end(), span.attribute().key(), span.score());
    }
}
