package io.moderato.classification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A comment to classify.
 *
 * @param text    the comment, required
 * @param context the article it was posted under, optional
 * @param mode    {@code fast} or {@code full}, optional (the service's default otherwise)
 * @param siteId  the site the comment is for, optional: scored by that site's live bundle, or the shared one
 */
public record ClassifyRequest(
        @Schema(description = "The comment text.", required = true, example = "You are a complete idiot.") String text,
        @Schema(description = "The article the comment was posted under; steers the topics.") ArticleDto context,
        @Schema(description = "Scoring mode: `full` (word model and sentence encoder, the default) or `fast` (word "
                + "model alone, well under a millisecond).", enumeration = {"fast", "full"}) String mode,
        @Schema(description = "The site the comment is for: scored by the site's own live bundle when it has one, "
                + "else by the shared one.") String siteId) {
}
