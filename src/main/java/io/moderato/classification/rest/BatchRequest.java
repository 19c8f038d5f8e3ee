package io.moderato.classification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Several comments to classify in one call.
 *
 * @param items the comments, each with an id unique within the batch
 * @param mode  {@code fast} or {@code full}, optional (the service's default otherwise)
 * @param spans  whether each result carries the spans behind its high scores (default false)
 * @param siteId the site the comments are for, optional: scored by that site's live bundle, or the shared one
 */
public record BatchRequest(@Schema(description = "The comments; at most the configured batch size.", required = true) List<Item> items,
                           @Schema(description = "Scoring mode: `full` or `fast`.", enumeration = {"fast", "full"}) String mode,
                           @Schema(description = "Add each item's highlighted spans to its result.") Boolean spans,
                           @Schema(description = "The site the comments are for (its own live bundle, else the shared one).") String siteId) {

    /**
     * One comment of a batch.
     *
     * @param id      the caller's id, echoed in the result
     * @param text    the comment
     * @param context the article, optional
     */
    public record Item(@Schema(required = true) String id, @Schema(required = true) String text, ArticleDto context) {
    }
}
