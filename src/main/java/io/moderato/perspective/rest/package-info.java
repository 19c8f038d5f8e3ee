/** {@code /v1alpha1/comments:analyze} and {@code /v1alpha1/comments:suggestscore}, answering errors in Google's format. */
package io.moderato.perspective.rest;
