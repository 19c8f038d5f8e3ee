package io.moderato.classification.rest;

import java.util.List;
import java.util.Map;

/**
 * The classifications of a batch, in request order.
 *
 * @param modelVersion the model bundle that scored every item
 * @param mode         how every item was scored: {@code full} or {@code fast}
 * @param results      one per item
 */
public record BatchResponse(String modelVersion, String mode, List<Result> results) {

    /**
     * One item's classification.
     *
     * @param id         the item's id
     * @param attributes per attribute key, a probability
     * @param topics     tagged topics, highest first
     * @param spans      the spans behind high scores, when the request asked for them ({@code "spans": true}); else absent
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Result(String id, Map<String, Double> attributes, List<TopicDto> topics, List<SpanDto> spans) {
    }
}
