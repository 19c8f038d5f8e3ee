package io.moderato.classification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A comment to classify.
 *
 * @param text    the comment, required
 * @param context the article it was posted under, optional
 * @param mode    {@code fast} or {@code full}, optional (the service's default otherwise)
 */
public record ClassifyRequest(
        @Schema(description = "The comment text.", required = true, example = "You are a complete idiot.") String text,
        @Schema(description = "The article the comment was posted under; steers the topics.") ArticleDto context,
        @Schema(description = "Scoring mode: `full` (word model and sentence encoder, the default) or `fast` (word "
                + "model alone, well under a millisecond).", enumeration = {"fast", "full"}) String mode) {
}
