package io.moderato.classification;

import io.moderato.text.NormalizedText;

/**
 * One comment as every model family reads it.
 *
 * @param normalized       the comment after normalisation, with offsets into the original
 * @param context          the article it was posted under, or null
 * @param embedding        the sentence encoder's embedding of the comment, or null when scoring without the encoder
 * @param contextEmbedding the encoder's embedding of the article, or null
 */
public record CommentInput(NormalizedText normalized, ArticleContext context, float[] embedding,
                           float[] contextEmbedding) {

    /** @return the comment as written */
    public String text() {
        return normalized.original();
    }
}
