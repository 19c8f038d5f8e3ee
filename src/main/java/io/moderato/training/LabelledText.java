package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.Topic;

import java.util.Map;
import java.util.Set;

/**
 * A text with the labels some data set gives it. A data set may label only some attributes (OLID has toxicity
 * only), and may have no topics.
 *
 * @param id         the row's id in its data set
 * @param text       the comment
 * @param attributes the attributes the data set labels, each present (true) or not (false)
 * @param topics     the topics the data set gives, empty when it gives none
 */
public record LabelledText(String id, String text, Map<Attribute, Boolean> attributes, Set<Topic> topics) {
}
