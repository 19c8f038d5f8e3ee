package io.moderato.classification.rest;

import io.moderato.classification.TopicScore;

/**
 * A tagged topic.
 *
 * @param code  IPTC Media Topic code
 * @param name  IPTC English label
 * @param score probability in [0,1]
 */
public record TopicDto(String code, String name, double score) {

    static TopicDto of(TopicScore score) {
        return new TopicDto(score.topic().code(), score.topic().label(), score.score());
    }
}
