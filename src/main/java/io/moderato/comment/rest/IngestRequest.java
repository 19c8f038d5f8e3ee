package io.moderato.comment.rest;

import io.moderato.comment.service.IngestCommand;
import io.moderato.policy.SiteIds;
import io.moderato.problem.ProblemException;
import io.moderato.problem.RequestChecks;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A comment as the site sends it: the body of {@code POST /api/v1/comments} and the value of a Kafka comment record.
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
     * Checks every field, then turns the request into the command the ingest takes.
     *
     * @param request       the request as read; null when the body was empty
     * @param maxTextLength longest accepted comment, in characters
     * @return the command
     * @throws ProblemException (400) naming every invalid field and why
     */
    public static IngestCommand check(IngestRequest request, int maxTextLength) {
        RequestChecks checks = new RequestChecks();
        if (checks.require(request != null, "body", "is required")) {
            if (checks.requireText(request.siteId(), "siteId", 100)) {
                checks.require(SiteIds.isValid(request.siteId()), "siteId",
                        "must be letters, digits, dots, dashes or underscores");
            }
            checks.requireText(request.id(), "id", 200);
            if (checks.require(request.article() != null, "article", "is required")) {
                checks.requireText(request.article().id(), "article.id", 200);
                checks.optionalText(request.article().url(), "article.url", 2000);
                checks.optionalText(request.article().title(), "article.title", 1000);
            }
            if (checks.require(request.author() != null, "author", "is required")) {
                checks.requireText(request.author().id(), "author.id", 200);
                checks.optionalText(request.author().displayName(), "author.displayName", 200);
            }
            checks.requireText(request.text(), "text", maxTextLength);
            checks.optionalText(request.parentId(), "parentId", 200);
        }
        checks.throwIfInvalid();
        return new IngestCommand(request.siteId(), request.id(), request.article().id(), request.article().url(),
                request.article().title(), request.author().id(), request.author().displayName(), request.text(),
                request.createdAt(), request.parentId());
    }

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
