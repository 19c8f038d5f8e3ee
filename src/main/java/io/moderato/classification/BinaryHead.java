package io.moderato.classification;

import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

import java.util.List;

/**
 * A Tribuo logistic-regression classifier over a fixed list of dense features, trained on the labels
 * {@value #POSITIVE} and {@value #NEGATIVE}; answers the probability of {@value #POSITIVE}. Being a logistic model,
 * its log-odds are linear in the features: the weights are read once by probing Tribuo's own predictions (at zero
 * and at each unit vector), checked against Tribuo on random inputs, and then a score is one dot product instead of
 * a Tribuo prediction (which builds examples and maps: most of the fast mode's cost). A model that is not linear in
 * that sense fails the check and is served through Tribuo's {@link Model#predict}. Thread-safe.
 */
public final class BinaryHead {

    /** The label of a positive training example. */
    public static final String POSITIVE = "yes";
    /** The label of a negative training example. */
    public static final String NEGATIVE = "no";

    private static final Label UNKNOWN = LabelFactory.UNKNOWN_LABEL;

    private final Model<Label> model;
    private final String[] featureNames;
    /** Log-odds weights per feature, or null when the model is served through Tribuo. */
    private final double[] weights;
    private final double bias;

    /**
     * @param model        a model that generates probabilities over {@value #POSITIVE} and {@value #NEGATIVE}
     * @param featureNames the names of the values passed to {@link #probability}, in order
     */
    public BinaryHead(Model<Label> model, List<String> featureNames) {
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("a head must generate probabilities: " + model.getClass().getSimpleName());
        }
        this.model = model;
        this.featureNames = featureNames.toArray(String[]::new);
        double[] probe = new double[this.featureNames.length];
        double b = logOdds(tribuoProbability(probe));
        double[] w = new double[probe.length];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = 1.0;
            w[i] = logOdds(tribuoProbability(probe)) - b;
            probe[i] = 0.0;
        }
        this.bias = b;
        this.weights = isFaithful(w, b) ? w : null;
    }

    /** Compares the dot product with Tribuo's answer on seeded random inputs of the kind heads see. */
    private boolean isFaithful(double[] w, double b) {
        java.util.Random random = new java.util.Random(17);
        for (int trial = 0; trial < 8; trial++) {
            double[] x = new double[w.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian() * (w.length > 16 ? 0.05 : 2.0);
            }
            double direct = LinearMultiLabelModel.sigmoid(b + dot(w, x));
            double tribuo = tribuoProbability(x);
            if (!(Math.abs(direct - tribuo) <= 1e-6)) {
                return false;
            }
        }
        return true;
    }

    /** Exact log-odds; infinite at 0 and 1, which the faithfulness check then refuses. */
    private static double logOdds(double p) {
        return Math.log(p / (1 - p));
    }

    private static double dot(double[] w, double[] x) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * x[i];
        }
        return sum;
    }

    private double tribuoProbability(double[] values) {
        Prediction<Label> prediction = model.predict(new ArrayExample<>(UNKNOWN, featureNames, values));
        Label positive = prediction.getOutputScores().get(POSITIVE);
        return positive == null ? 0.0 : positive.getScore();
    }

    /** @return the Tribuo model */
    public Model<Label> tribuoModel() {
        return model;
    }

    /**
     * @param values one value per feature name
     * @return the probability of the positive label
     */
    public double probability(double[] values) {
        return weights == null ? tribuoProbability(values) : LinearMultiLabelModel.sigmoid(bias + dot(weights, values));
    }

    /** @return true when scores come from the weights read off the model, not from Tribuo's predict */
    boolean isDirect() {
        return weights != null;
    }
}
