package io.moderato.classification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Several comments to classify in one call.
 *
 * @param items the comments, each with an id unique within the batch
 */
public record BatchRequest(@Schema(description = "The comments; at most the configured batch size.", required = true) List<Item> items) {

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
