/**
 * Scoring comments: the toxicity attributes, the IPTC topics, the features both models read, the model bundle the
 * service loads and the explanations (which words pushed a score up). Serving code only: nothing here trains.
 */
package io.moderato.classification;
