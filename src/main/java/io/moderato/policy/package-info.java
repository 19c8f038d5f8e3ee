/**
 * Each site's moderation policy (thresholds per attribute for review and for rejection, banned and suspect word
 * lists, links, pre-moderation of new or often-rejected authors, repeat posts) and the decision it makes for a
 * comment, with machine-readable reasons.
 */
package io.moderato.policy;
