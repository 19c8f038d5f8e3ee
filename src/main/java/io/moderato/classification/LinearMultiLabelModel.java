package io.moderato.classification;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

import java.util.List;
import java.util.Map;

/**
 * A Tribuo linear multi-label model with its labels in a fixed order. Scores come from Tribuo's own
 * {@link Model#predict}; the model's weights, read once, trace a score back to the tokens that produced it.
 * Thread-safe.
 */
public final class LinearMultiLabelModel {

    private static final MultiLabelFactory FACTORY = new MultiLabelFactory();

    private final Model<MultiLabel> model;
    private final List<String> labels;
    private final ImmutableFeatureMap featureMap;
    /** weights[label][featureId], bias last. */
    private final double[][] weights;
    private final int biasColumn;

    /**
     * @param model  a model trained by Tribuo's linear SGD multi-label trainer
     * @param labels the label names, in the order scores are returned; each must be known to the model
     */
    public LinearMultiLabelModel(Model<MultiLabel> model, List<String> labels) {
        if (!(model instanceof AbstractLinearSGDModel<MultiLabel> linear)) {
            throw new IllegalArgumentException("expected a linear SGD model, got " + model.getClass().getName());
        }
        this.model = model;
        this.labels = List.copyOf(labels);
        this.featureMap = model.getFeatureIDMap();
        DenseMatrix matrix = linear.getWeightsCopy();
        this.biasColumn = matrix.getDimension2Size() - 1;
        this.weights = new double[labels.size()][];
        for (int i = 0; i < labels.size(); i++) {
            int id = model.getOutputIDInfo().getID(new MultiLabel(labels.get(i)));
            if (id < 0) {
                throw new IllegalArgumentException("label " + labels.get(i) + " is unknown to the model");
            }
            double[] row = new double[matrix.getDimension2Size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = matrix.get(id, j);
            }
            weights[i] = row;
        }
    }

    /** @return the Tribuo model behind this one */
    public Model<MultiLabel> tribuoModel() {
        return model;
    }

    /** @return the label names, in score order */
    public List<String> labels() {
        return labels;
    }

    /**
     * @param features a text's features
     * @return one probability per label, in {@link #labels()} order
     */
    public double[] predict(Features features) {
        double[] scores = new double[labels.size()];
        if (!hasKnownFeature(features)) {
            // Tribuo refuses an example without any known feature; the model's answer is then its bias alone.
            for (int i = 0; i < scores.length; i++) {
                scores[i] = sigmoid(weights[i][biasColumn]);
            }
            return scores;
        }
        ArrayExample<MultiLabel> example = new ArrayExample<>(FACTORY.getUnknownOutput(), features.names(), features.values());
        Prediction<MultiLabel> prediction = model.predict(example);
        Map<String, MultiLabel> byLabel = prediction.getOutputScores();
        for (int i = 0; i < scores.length; i++) {
            // Each entry is a one-label MultiLabel whose Label carries the probability.
            MultiLabel score = byLabel.get(labels.get(i));
            scores[i] = score == null ? 0.0 : score.getLabelSet().iterator().next().getScore();
        }
        return scores;
    }

    /**
     * How much each token added to a label's log-odds: the sum, over the features a token produced, of weight times
     * value times the token's share of that feature.
     *
     * @param features   a text's features
     * @param label      index into {@link #labels()}
     * @param tokenCount how many tokens the text has
     * @return per token, its contribution to the label's log-odds
     */
    public double[] tokenContributions(Features features, int label, int tokenCount) {
        double[] row = weights[label];
        int[] ids = featureIds(features);
        double[] contributions = new double[tokenCount];
        int[] occurrenceFeature = features.occurrenceFeature();
        for (int k = 0; k < occurrenceFeature.length; k++) {
            int feature = occurrenceFeature[k];
            int id = ids[feature];
            if (id >= 0) {
                contributions[features.occurrenceToken()[k]] +=
                        row[id] * features.values()[feature] * features.occurrenceShare()[k];
            }
        }
        return contributions;
    }

    /**
     * @param label index into {@link #labels()}
     * @return the label's bias, its log-odds for a text with no known feature
     */
    public double bias(int label) {
        return weights[label][biasColumn];
    }

    private int[] featureIds(Features features) {
        String[] names = features.names();
        int[] ids = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            ids[i] = featureMap.getID(names[i]);
        }
        return ids;
    }

    private boolean hasKnownFeature(Features features) {
        for (String name : features.names()) {
            if (featureMap.getID(name) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** @return the logistic function of {@code x} */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
