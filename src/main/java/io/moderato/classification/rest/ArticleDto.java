package io.moderato.classification.rest;

import io.moderato.classification.ArticleContext;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The article a comment belongs to.
 *
 * @param articleTitle the headline
 * @param articleText  the article's text or its first paragraphs
 */
public record ArticleDto(@Schema(description = "The article's headline.") String articleTitle,
                         @Schema(description = "The article's text, or its first paragraphs.") String articleText) {

    /** @return the context the classifier reads */
    public ArticleContext toContext() {
        return new ArticleContext(articleTitle, articleText);
    }
}
