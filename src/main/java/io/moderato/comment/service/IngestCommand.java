package io.moderato.comment.service;

import java.time.Instant;

/**
 * A comment as a site sends it, checked.
 *
 * @param siteId       the site
 * @param id           the site's comment id
 * @param articleId    the site's article id
 * @param articleUrl   the article's address
 * @param articleTitle the article's headline
 * @param authorId     the site's author id
 * @param authorName   the author's display name
 * @param text         the comment
 * @param createdAt    when the author wrote it
 * @param parentId     the comment it replies to
 */
public record IngestCommand(String siteId, String id, String articleId, String articleUrl, String articleTitle,
                            String authorId, String authorName, String text, Instant createdAt, String parentId) {
}
