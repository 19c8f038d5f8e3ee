package io.moderato.comment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A comment as the site sends it.
 *
 * @param siteId    the site
 * @param id        the site's own comment id
 * @param article   the article it was posted under
 * @param author    who wrote it
 * @param text      the comment
 * @param createdAt when it was written (defaults to now)
 * @param parentId  the comment it replies to
 */
public record IngestRequest(@Schema(required = true) String siteId, @Schema(required = true) String id,
                            @Schema(required = true) Article article, @Schema(required = true) Author author,
                            @Schema(required = true) String text, Instant createdAt, String parentId) {

    /**
     * @param id    the site's article id
     * @param url   its address
     * @param title its headline
     */
    public record Article(@Schema(required = true) String id, String url, String title) {
    }

    /**
     * @param id          the site's author id
     * @param displayName the name shown
     */
    public record Author(@Schema(required = true) String id, String displayName) {
    }
}
