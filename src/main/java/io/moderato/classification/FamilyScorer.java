package io.moderato.classification;

/** One model family's opinion of a comment, before the bundle's combiner weighs it with the others. */
public interface FamilyScorer {

    /** @return which family this is */
    ModelFamily family();

    /**
     * @param input the comment
     * @return per attribute, in {@link Attribute} order, the family's probability
     */
    double[] attributes(CommentInput input);

    /**
     * @param input the comment (its article, when given, steers the answer)
     * @return per topic, in {@link Topic} order, the family's probability
     */
    double[] topics(CommentInput input);
}
