package io.moderato.classification.rest;

import io.moderato.classification.Attribute;
import io.moderato.classification.Classification;

import java.util.List;
import java.util.Map;

/**
 * A comment's classification.
 *
 * @param modelVersion the model bundle that scored it
 * @param attributes   per attribute key, a probability in [0,1]
 * @param topics       tagged topics, highest score first
 * @param spans        stretches of text that pushed attribute scores up
 * @param mode         how it was scored: {@code full} (word model and sentence encoder) or {@code fast}
 */
public record ClassifyResponse(String modelVersion, Map<String, Double> attributes, List<TopicDto> topics,
                               List<SpanDto> spans, String mode) {

    static ClassifyResponse of(Classification c) {
        return new ClassifyResponse(c.modelVersion(), attributes(c), c.topics().stream().map(TopicDto::of).toList(),
                c.spans().stream().map(SpanDto::of).toList(), c.mode().key());
    }

    static Map<String, Double> attributes(Classification c) {
        return Attribute.byKey(c.attributes());
    }
}
