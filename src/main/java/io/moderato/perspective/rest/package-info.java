/**
 * {@code /v1alpha1/comments:analyze} and {@code /v1alpha1/comments:suggestscore}, answering errors in Google's format,
 * and the discovery document Google's client libraries build themselves from.
 */
package io.moderato.perspective.rest;
