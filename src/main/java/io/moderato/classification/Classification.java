package io.moderato.classification;

import java.util.List;
import java.util.Map;

/**
 * Everything Moderato says about one comment.
 *
 * @param modelVersion the bundle that scored it
 * @param attributes   per attribute, a probability in [0,1]; for a long comment never below its worst sentence's
 * @param topics       tagged topics, highest score first
 * @param spans        stretches of text that pushed attribute scores up
 * @param sentences    per-sentence scores when the comment was long enough to be scored by sentence, else empty
 * @param mode         how it was scored (full only when the bundle has an encoder family)
 */
public record Classification(String modelVersion, Map<Attribute, Double> attributes, List<TopicScore> topics,
                             List<Span> spans, List<SentenceScore> sentences, ScoringMode mode) {

    /**
     * @param attribute an attribute
     * @return its score
     */
    public double score(Attribute attribute) {
        return attributes.get(attribute);
    }
}
