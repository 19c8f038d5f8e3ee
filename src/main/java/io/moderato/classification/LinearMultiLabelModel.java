package io.moderato.classification;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.multilabel.MultiLabel;

import java.util.List;

/**
 * A Tribuo linear multi-label model with its labels in a fixed order, scored from its weights: the probability of a
 * label is the sigmoid of the bias plus the weighted feature values, what Tribuo's own prediction computes (a test
 * holds the two to 1e-9), and a score traces back to the tokens that produced it. A model built
 * {@linkplain #forServing for serving} lets the Tribuo model go once its weights are read: its feature map, with the
 * value statistics of every feature, is most of a word model's memory. Thread-safe.
 */
public final class LinearMultiLabelModel {

    /** The Tribuo model, kept when the model may be written to a bundle; null when built for serving. */
    private final Model<MultiLabel> model;
    private final List<String> labels;
    private final FeatureIndex features;
    /** weights[label][column], bias last. */
    private final double[][] weights;
    private final int biasColumn;

    /**
     * Keeps the Tribuo model, for training, which writes it to a bundle.
     *
     * @param model  a model trained by Tribuo's linear SGD multi-label trainer
     * @param labels the label names, in the order scores are returned; each must be known to the model
     */
    public LinearMultiLabelModel(Model<MultiLabel> model, List<String> labels) {
        this(model, labels, true);
    }

    private LinearMultiLabelModel(Model<MultiLabel> model, List<String> labels, boolean keepModel) {
        if (!(model instanceof AbstractLinearSGDModel<MultiLabel> linear)) {
            throw new IllegalArgumentException("expected a linear SGD model, got " + model.getClass().getName());
        }
        this.model = keepModel ? model : null;
        this.labels = List.copyOf(labels);
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        String[] names = new String[featureMap.size()];
        for (VariableInfo info : featureMap) {
            names[((VariableIDInfo) info).getID()] = info.getName();
        }
        this.features = new FeatureIndex(names);
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

    private LinearMultiLabelModel(List<String> labels, FeatureIndex features, double[][] weights) {
        this.model = null;
        this.labels = List.copyOf(labels);
        this.features = features;
        this.weights = weights;
        this.biasColumn = features.size();
    }

    /**
     * A model for serving from its parts, as {@link LinearModelFile} reads them from a Tribuo model file.
     *
     * @param labels  the label names, in score order
     * @param names   the feature names, each at its column
     * @param weights per label (in {@code labels} order) the weight of each column, then the bias
     * @return the model
     * @throws IllegalArgumentException when the weights do not have a column per feature and the bias
     */
    static LinearMultiLabelModel ofWeights(List<String> labels, String[] names, double[][] weights) {
        if (weights.length != labels.size()) {
            throw new IllegalArgumentException(weights.length + " weight rows for " + labels.size() + " labels");
        }
        for (double[] row : weights) {
            if (row.length != names.length + 1) {
                throw new IllegalArgumentException(row.length + " weights for " + names.length + " features and the bias");
            }
        }
        return new LinearMultiLabelModel(labels, new FeatureIndex(names), weights);
    }

    /**
     * @param other a model
     * @return true when both score every text alike: the same labels, feature columns and weights
     */
    boolean sameWeightsAs(LinearMultiLabelModel other) {
        return labels.equals(other.labels) && biasColumn == other.biasColumn && features.equals(other.features)
                && java.util.Arrays.deepEquals(weights, other.weights);
    }

    /**
     * Reads the weights and lets the Tribuo model go: for a bundle loaded to serve, never written again.
     *
     * @param model  a model trained by Tribuo's linear SGD multi-label trainer
     * @param labels the label names, in the order scores are returned; each must be known to the model
     * @return the model, without its Tribuo model
     */
    public static LinearMultiLabelModel forServing(Model<MultiLabel> model, List<String> labels) {
        return new LinearMultiLabelModel(model, labels, false);
    }

    /**
     * @return the Tribuo model behind this one
     * @throws IllegalStateException when this one was built for serving
     */
    public Model<MultiLabel> tribuoModel() {
        if (model == null) {
            throw new IllegalStateException("a model loaded for serving keeps no Tribuo model; train a bundle to write one");
        }
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
        int[] columns = columns(features);
        double[] values = features.values();
        double[] scores = new double[labels.size()];
        for (int label = 0; label < scores.length; label++) {
            double[] row = weights[label];
            double logit = row[biasColumn];
            for (int f = 0; f < columns.length; f++) {
                if (columns[f] >= 0) {
                    logit += row[columns[f]] * values[f];
                }
            }
            scores[label] = sigmoid(logit);
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
        int[] ids = columns(features);
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

    private int[] columns(Features features) {
        String[] names = features.names();
        int[] columns = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            columns[i] = this.features.column(names[i]);
        }
        return columns;
    }

    /** @return the logistic function of {@code x} */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
