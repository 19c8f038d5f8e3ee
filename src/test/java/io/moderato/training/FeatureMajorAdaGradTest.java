package io.moderato.training;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureMajorAdaGradTest {

    private static final int FEATURES = 300;
    private static final int EXAMPLES = 500;
    private static final String[] OUTPUTS = {"a", "b", "c", "d", "e"};

    /**
     * Random sparse examples of a few dozen features out of {@link #FEATURES}, each with a random subset of the
     * outputs scored with a share (as the word family's rater shares), some with example weights other than 1.
     */
    private static MutableDataset<MultiLabel> multiLabelData(long seed) {
        Random random = new Random(seed);
        MultiLabelFactory factory = new MultiLabelFactory();
        MutableDataset<MultiLabel> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("random", factory), factory);
        for (int e = 0; e < EXAMPLES; e++) {
            Set<Label> labels = new HashSet<>();
            for (String output : OUTPUTS) {
                if (random.nextDouble() < 0.3) {
                    labels.add(new Label(output, 0.1 + 0.9 * random.nextDouble()));
                }
            }
            Example<MultiLabel> example = example(new MultiLabel(labels), random);
            if (e % 7 == 0) {
                example.setWeight(0.5f + random.nextFloat() * 2);
            }
            BundleTrainer.addLean(dataset, example);
        }
        return dataset;
    }

    private static MutableDataset<Label> multiClassData(long seed) {
        Random random = new Random(seed);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("random", factory), factory);
        for (int e = 0; e < EXAMPLES; e++) {
            BundleTrainer.addLean(dataset, example(new Label(OUTPUTS[random.nextInt(OUTPUTS.length)]), random));
        }
        return dataset;
    }

    private static String[] names(Random random) {
        Set<String> names = new HashSet<>();
        int count = 5 + random.nextInt(40);
        while (names.size() < count) {
            names.add(String.format("f%04d", random.nextInt(FEATURES)));
        }
        return names.toArray(String[]::new);
    }

    /** A few dozen of the features, each present (1) or with a real value. */
    private static <T extends org.tribuo.Output<T>> Example<T> example(T output, Random random) {
        String[] names = names(random);
        double[] values = new double[names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextBoolean() ? 1 : random.nextGaussian();
        }
        return new ArrayExample<>(output, names, values);
    }

    private static double[][] weights(Model<?> model) {
        return ((AbstractLinearSGDModel<?>) model).getWeightsCopy().toArray();
    }

    private static Model<MultiLabel> trainMultiLabel(StochasticGradientOptimiser optimiser, MutableDataset<MultiLabel> data) {
        return new LinearSGDTrainer(new BinaryCrossEntropy(), optimiser, 3, Integer.MAX_VALUE, 1, 42L).train(data);
    }

    private static Model<Label> trainMultiClass(StochasticGradientOptimiser optimiser, MutableDataset<Label> data) {
        return new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(), optimiser, 3,
                Integer.MAX_VALUE, 1, 42L).train(data);
    }

    private static void assertBitEqual(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], 0.0, "row " + r);
        }
    }

    @Test
    void aMultiLabelModelHasTribuosWeightsToTheLastBit() {
        MutableDataset<MultiLabel> data = multiLabelData(1);
        double[][] tribuo = weights(trainMultiLabel(new AdaGrad(0.5, 1e-6), data));
        double[][] featureMajor = weights(trainMultiLabel(new FeatureMajorAdaGrad(0.5, 1e-6), data));
        assertBitEqual(tribuo, featureMajor);
        assertEquals(OUTPUTS.length, featureMajor.length);
    }

    @Test
    void aMultiClassModelHasTribuosWeightsToTheLastBit() {
        MutableDataset<Label> data = multiClassData(2);
        assertBitEqual(weights(trainMultiClass(new AdaGrad(0.2, 1e-6), data)),
                weights(trainMultiClass(new FeatureMajorAdaGrad(0.2, 1e-6), data)));
    }

    @Test
    void aModelOfExamplesWithEveryFeatureHasTribuosWeightsToTheLastBit() {
        // As the encoder's topic head: every example has every feature, and Tribuo's gradient is then a dense matrix.
        Random random = new Random(5);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("dense", factory), factory);
        String[] names = new String[24];
        for (int d = 0; d < names.length; d++) {
            names[d] = String.format("e%03d", d);
        }
        for (int e = 0; e < EXAMPLES; e++) {
            double[] values = new double[names.length];
            for (int d = 0; d < values.length; d++) {
                values[d] = random.nextGaussian();
            }
            String output = OUTPUTS[(values[0] > 0 ? 1 : 0) + (values[1] > 0.5 ? 2 : 0)];
            BundleTrainer.addLean(data, new ArrayExample<>(new Label(output), names, values));
        }
        assertBitEqual(weights(trainMultiClass(new AdaGrad(0.2, 1e-6), data)),
                weights(trainMultiClass(new FeatureMajorAdaGrad(0.2, 1e-6), data)));
    }

    @Test
    void theComparisonTellsOptimisersApart() {
        // The learning rate is the optimiser's: a slightly different one gives other weights, so the equality above
        // is not that of two trainings which ignore the optimiser.
        MutableDataset<MultiLabel> data = multiLabelData(3);
        double[][] one = weights(trainMultiLabel(new FeatureMajorAdaGrad(0.5, 1e-6), data));
        double[][] other = weights(trainMultiLabel(new AdaGrad(0.5000001, 1e-6), data));
        boolean differs = false;
        for (int r = 0; r < one.length && !differs; r++) {
            for (int c = 0; c < one[r].length && !differs; c++) {
                differs = Double.doubleToLongBits(one[r][c]) != Double.doubleToLongBits(other[r][c]);
            }
        }
        assertTrue(differs);
    }

    @Test
    void eachTrainingStartsAfreshAndProvenanceNamesTheSettings() {
        FeatureMajorAdaGrad optimiser = new FeatureMajorAdaGrad(0.5, 1e-6);
        MutableDataset<MultiLabel> data = multiLabelData(4);
        // Each training works on a copy of the optimiser: the state one training left does not reach the next.
        double[][] first = weights(new LinearSGDTrainer(new BinaryCrossEntropy(), optimiser, 2, Integer.MAX_VALUE, 1, 9L)
                .train(data));
        double[][] second = weights(new LinearSGDTrainer(new BinaryCrossEntropy(), optimiser, 2, Integer.MAX_VALUE, 1, 9L)
                .train(data));
        assertBitEqual(first, second);
        String provenance = optimiser.getProvenance().toString();
        assertTrue(provenance.contains("FeatureMajorAdaGrad"), provenance);
        assertTrue(provenance.contains("0.5"), provenance);
        assertFalse(optimiser.copy() == optimiser);
    }

    @Test
    void aGradientOfAnotherShapeIsRefused() {
        FeatureMajorAdaGrad optimiser = new FeatureMajorAdaGrad(0.5, 1e-6);
        assertThrows(IllegalArgumentException.class,
                () -> optimiser.step(new Tensor[] {new DenseVector(3)}, 1.0));
    }
}
