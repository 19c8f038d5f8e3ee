package io.moderato.classification;

import java.util.List;

/** Traces attribute scores back to the words of the comment that produced them. */
public interface Explainer {

    /**
     * @param input    the comment
     * @param scores   per attribute, in {@link Attribute} order, the final scores; only attributes at or above
     *                 {@code minScore} are explained
     * @param minScore the lowest score worth explaining
     * @return the spans that pushed those attributes up, in text order
     */
    List<Span> explain(CommentInput input, double[] scores, double minScore);
}
