package io.moderato.training;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;

import java.util.function.DoubleUnaryOperator;

/**
 * Tribuo's AdaGrad (Duchi, Hazan and Singer, 2011) for linear models over sparse features, with its accumulator of
 * squared gradients laid out feature by feature. Tribuo's {@code AdaGrad} keeps the accumulator as a copy of the
 * weight matrix, one row per output, so an example with a few hundred features touches a cache line per feature
 * and output (seven for the word model's attributes) in a matrix of tens of megabytes: in a first start's profile
 * that update was over a third of the word family's time. Here a feature's accumulators for every output sit side by
 * side. Every accumulator and every scaled gradient is computed by the same floating-point operations in the same
 * order as Tribuo's, so a model trained with this optimiser has Tribuo's weights to the last bit
 * ({@code FeatureMajorAdaGradTest}).
 * <p>
 * The gradients must be what Tribuo's linear SGD models produce: the outer product of the loss gradient and an
 * example's features, a {@link DenseSparseMatrix} for sparse features and a {@link DenseMatrix} when the example has
 * every feature (the encoder's topic head).
 */
public final class FeatureMajorAdaGrad implements StochasticGradientOptimiser {

    private static final DoubleUnaryOperator AS_IS = value -> value;

    @Config(mandatory = true, description = "Initial learning rate used to scale the gradients.")
    private double initialLearningRate;

    @Config(description = "Epsilon for numerical stability around zero.")
    private double epsilon = 1e-6;

    /**
     * Per parameter tensor, the squared gradients' sums, feature-major: {@code [feature * outputs + output]}, where
     * outputs is the weight matrix's (and so every gradient's) number of rows.
     */
    private double[][] accumulators;
    /** Per parameter tensor, the scaled learning rate of the row being stepped, at its active features. */
    private DenseVector[] rates;

    /**
     * @param initialLearningRate the learning rate
     * @param epsilon             added to the accumulator's square root, for stability around zero
     */
    public FeatureMajorAdaGrad(double initialLearningRate, double epsilon) {
        this.initialLearningRate = initialLearningRate;
        this.epsilon = epsilon;
    }

    /** For OLCUT. */
    private FeatureMajorAdaGrad() {
    }

    @Override
    public void initialise(Parameters parameters) {
        Tensor[] weights = parameters.get();
        accumulators = new double[weights.length][];
        rates = new DenseVector[weights.length];
        for (int t = 0; t < weights.length; t++) {
            int[] shape = weights[t].getShape();
            if (shape.length != 2) {
                throw new IllegalArgumentException("expected weight matrices, got a tensor of shape "
                        + java.util.Arrays.toString(shape));
            }
            accumulators[t] = new double[Math.multiplyExact(shape[0], shape[1])];
            rates[t] = new DenseVector(shape[1]);
        }
    }

    @Override
    public Tensor[] step(Tensor[] updates, double weight) {
        // Tribuo's AdaGrad adds weight*weight*g*g to the accumulator, then multiplies g by
        // weight * initialLearningRate / (epsilon + sqrt(accumulator)); the same expressions, in the same order.
        double squareWeight = weight * weight;
        double scaledRate = weight * initialLearningRate;
        for (int t = 0; t < updates.length; t++) {
            if (updates[t] instanceof DenseSparseMatrix gradient) {
                stepSparse(gradient, accumulators[t], rates[t], squareWeight, scaledRate);
            } else if (updates[t] instanceof DenseMatrix gradient) {
                stepDense(gradient, accumulators[t], squareWeight, scaledRate);
            } else {
                throw new IllegalArgumentException("expected the gradient of a linear model's weight matrix, got "
                        + updates[t].getClass().getName());
            }
        }
        return updates;
    }

    /** The gradient of an example with sparse features: only its active features are touched. */
    private void stepSparse(DenseSparseMatrix gradient, double[] accumulator, DenseVector rate, double squareWeight,
                            double scaledRate) {
        int width = gradient.getDimension1Size();
        for (int output = 0; output < gradient.getDimension1Size(); output++) {
            SparseVector row = gradient.getRow(output);
            for (VectorTuple entry : row) {
                int cell = entry.index * width + output;
                double sum = accumulator[cell] + squareWeight * entry.value * entry.value;
                accumulator[cell] = sum;
                rate.set(entry.index, scaledRate / (epsilon + Math.sqrt(sum)));
            }
            row.hadamardProductInPlace(rate, AS_IS);
        }
    }

    /** The gradient of an example with every feature present (Tribuo makes its features a dense vector then). */
    private void stepDense(DenseMatrix gradient, double[] accumulator, double squareWeight, double scaledRate) {
        int width = gradient.getDimension1Size();
        for (int output = 0; output < gradient.getDimension1Size(); output++) {
            for (int feature = 0; feature < gradient.getDimension2Size(); feature++) {
                int cell = feature * width + output;
                double value = gradient.get(output, feature);
                double sum = accumulator[cell] + squareWeight * value * value;
                accumulator[cell] = sum;
                gradient.set(output, feature, value * (scaledRate / (epsilon + Math.sqrt(sum))));
            }
        }
    }

    @Override
    public void reset() {
        accumulators = null;
        rates = null;
    }

    @Override
    public FeatureMajorAdaGrad copy() {
        return new FeatureMajorAdaGrad(initialLearningRate, epsilon);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return "FeatureMajorAdaGrad(initialLearningRate=" + initialLearningRate + ",epsilon=" + epsilon + ")";
    }
}
