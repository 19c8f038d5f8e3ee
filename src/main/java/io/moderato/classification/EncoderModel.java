package io.moderato.classification;

import io.moderato.embedding.EncoderIdentity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The encoder family: a pretrained sentence encoder's embedding fed to Tribuo logistic-regression heads, one per
 * attribute and one multi-class head for the main topic. The encoder itself is not part of the bundle (it ships in
 * a jar); the bundle records its {@link EncoderIdentity} and loads only against the same encoder. Thread-safe.
 *
 * @param encoder    the encoder the heads were trained on
 * @param attributes one head per attribute, in {@link Attribute} order
 * @param topics     the topic head
 */
public record EncoderModel(EncoderIdentity encoder, List<BinaryHead> attributes, TopicHead topics)
        implements FamilyScorer {

    /** Names of the embedding's dimensions as Tribuo features: {@code e000}, {@code e001}, ... */
    public static List<String> featureNames(int dimensions) {
        List<String> names = new ArrayList<>(dimensions);
        for (int d = 0; d < dimensions; d++) {
            names.add(String.format("e%03d", d));
        }
        return Collections.unmodifiableList(names);
    }

    public EncoderModel {
        if (attributes.size() != Attribute.values().length) {
            throw new IllegalArgumentException("need one head per attribute, got " + attributes.size());
        }
        attributes = List.copyOf(attributes);
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.ENCODER;
    }

    @Override
    public double[] attributes(CommentInput input) {
        double[] values = values(input.embedding());
        double[] scores = new double[attributes.size()];
        for (int a = 0; a < scores.length; a++) {
            scores[a] = attributes.get(a).probability(values);
        }
        return scores;
    }

    @Override
    public double[] topics(CommentInput input) {
        return topics.probabilities(values(input.embedding()));
    }

    /**
     * @param embedding an article's embedding
     * @return per topic, the head's probability for the article
     */
    public double[] topics(float[] embedding) {
        return topics.probabilities(values(embedding));
    }

    private double[] values(float[] embedding) {
        if (embedding == null || embedding.length != encoder.dimensions()) {
            throw new IllegalArgumentException("expected an embedding of " + encoder.dimensions() + " values");
        }
        double[] values = new double[embedding.length];
        for (int d = 0; d < values.length; d++) {
            values[d] = embedding[d];
        }
        return values;
    }
}
