package io.moderato.policy;

import io.moderato.classification.Attribute;
import io.moderato.text.NormalizedText;

import java.util.Map;

/**
 * What the policy needs to know about a comment and its author.
 *
 * @param scores           the comment's attribute scores
 * @param text             the comment, normalised
 * @param repeatPost       whether the author posted the same text within the policy's window
 * @param approvedComments how many of the author's comments on the site were approved
 * @param recentDecided    how many of the author's latest comments (up to the policy's window) were decided
 * @param recentRejected   how many of those were rejected
 */
public record CommentFacts(Map<Attribute, Double> scores, NormalizedText text, boolean repeatPost,
                           long approvedComments, int recentDecided, int recentRejected) {
}
