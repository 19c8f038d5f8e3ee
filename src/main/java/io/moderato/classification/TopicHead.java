package io.moderato.classification;

import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

import java.util.List;
import java.util.Map;

/**
 * A Tribuo probabilistic multi-class classifier over dense features whose labels are IPTC topic codes: the
 * probability of each topic being the comment's main one. Thread-safe.
 */
public final class TopicHead {

    private final Model<Label> model;
    private final String[] featureNames;

    /**
     * @param model        a model over topic-code labels that generates probabilities
     * @param featureNames the names of the values passed to {@link #probabilities}, in order
     */
    public TopicHead(Model<Label> model, List<String> featureNames) {
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("the topic head must generate probabilities");
        }
        this.model = model;
        this.featureNames = featureNames.toArray(String[]::new);
    }

    /** @return the Tribuo model */
    public Model<Label> tribuoModel() {
        return model;
    }

    /**
     * @param values one value per feature name
     * @return per topic, in {@link Topic} order, its probability (0 for a topic the model never saw)
     */
    public double[] probabilities(double[] values) {
        Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureNames, values));
        Map<String, Label> scores = prediction.getOutputScores();
        double[] out = new double[Topic.values().length];
        for (Topic topic : Topic.values()) {
            Label label = scores.get(topic.code());
            out[topic.ordinal()] = label == null ? 0.0 : label.getScore();
        }
        return out;
    }
}
