/**
 * A drop-in replacement for Google's Perspective API ({@code /v1alpha1/comments:analyze} and
 * {@code comments:suggestscore}): Perspective's request and response shapes, field by field, and its error format,
 * served by Moderato's own models. English only; see the README for where Moderato deliberately differs.
 */
package io.moderato.perspective;
