/** {@code /api/v1/classify}: Moderato's own JSON API for scoring comments, one at a time or in batches. */
package io.moderato.classification.rest;
