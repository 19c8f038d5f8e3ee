package io.moderato.classification.rest;

import java.util.List;
import java.util.Map;

/**
 * The classifications of a batch, in request order.
 *
 * @param modelVersion the model bundle that scored every item
 * @param results      one per item
 */
public record BatchResponse(String modelVersion, List<Result> results) {

    /**
     * One item's classification.
     *
     * @param id         the item's id
     * @param attributes per attribute key, a probability
     * @param topics     tagged topics, highest first
     */
    public record Result(String id, Map<String, Double> attributes, List<TopicDto> topics) {
    }
}
