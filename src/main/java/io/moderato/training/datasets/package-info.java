/**
 * Readers for public labelled data sets (kept outside the project, in {@code ../shared/datasets}), mapping their
 * labels onto Moderato's attributes and topics. Used for evaluation and benchmarks only: no model that ships is
 * trained on them.
 */
package io.moderato.training.datasets;
