package io.moderato.classification;

/**
 * A topic and the probability that the comment is about it.
 *
 * @param topic the IPTC topic
 * @param score probability in [0,1]
 */
public record TopicScore(Topic topic, double score) {
}
