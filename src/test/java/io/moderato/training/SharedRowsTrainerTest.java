package io.moderato.training;

import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedRowsTrainerTest {

    private static final LinearClassificationType LR =
            new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR);
    private static final int ROWS = 400;
    private static final int DIMENSIONS = 12;

    private final double[][] matrix = new double[ROWS][DIMENSIONS];
    private final String[] names = new String[DIMENSIONS];

    SharedRowsTrainerTest() {
        Random random = new Random(7);
        for (int d = 0; d < DIMENSIONS; d++) {
            names[d] = String.format("e%03d", d);
        }
        for (double[] row : matrix) {
            for (int d = 0; d < DIMENSIONS; d++) {
                row[d] = random.nextGaussian();
            }
        }
    }

    /** A head's data set: row i labelled by its sign on dimension {@code head}, some rows twice (as the heads' repeats). */
    private MutableDataset<Label> dataSet(int head, List<Integer> rowOfExample) {
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("head " + head,
                new LabelFactory()), new LabelFactory());
        for (int i = 0; i < ROWS; i++) {
            boolean positive = matrix[i][head] + 0.5 * matrix[i][(head + 1) % DIMENSIONS] > 0;
            BundleTrainer.addLean(dataset, new ArrayExample<>(new Label(positive ? "yes" : "no"), names, matrix[i]));
            rowOfExample.add(i);
            if (i % (head + 3) == 0) {
                BundleTrainer.addLean(dataset, new ArrayExample<>(new Label(positive ? "no" : "yes"), names, matrix[i]));
                rowOfExample.add(i);
            }
        }
        return dataset;
    }

    private static double[] weights(Model<Label> model) {
        return ((LibLinearClassificationModel) model).getInnerModels().get(0).getFeatureWeights();
    }

    @Test
    void headsSharingRowsAreTheModelsTribuosOwnTrainerMakes() throws Exception {
        SharedRowsTrainer.Rows rows = new SharedRowsTrainer.Rows(ROWS);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[][]>> heads = new ArrayList<>();
            for (int head = 0; head < 5; head++) {
                int h = head;
                heads.add(pool.submit(() -> {
                    List<Integer> rowOfExample = new ArrayList<>();
                    MutableDataset<Label> dataset = dataSet(h, rowOfExample);
                    Model<Label> tribuo = new LibLinearClassificationTrainer(LR, 1.0, 1000, 0.01, 42L).train(dataset);
                    Model<Label> shared = new SharedRowsTrainer(LR, 1.0, 1000, 0.01, 42L, rows,
                            rowOfExample.stream().mapToInt(Integer::intValue).toArray()).train(dataset);
                    return new double[][] {weights(tribuo), weights(shared)};
                }));
            }
            for (Future<double[][]> head : heads) {
                double[][] both = head.get();
                assertArrayEquals(both[0], both[1], 0.0);
                assertFalse(java.util.Arrays.stream(both[0]).allMatch(w -> w == 0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theComparisonCanFail() {
        List<Integer> rowOfExample = new ArrayList<>();
        MutableDataset<Label> dataset = dataSet(0, rowOfExample);
        int[] shifted = rowOfExample.stream().mapToInt(r -> (r + 1) % ROWS).toArray();
        SharedRowsTrainer.Rows rows = new SharedRowsTrainer.Rows(ROWS);
        // Nodes made for the wrong rows: another problem, another model.
        new SharedRowsTrainer(LR, 1.0, 1000, 0.01, 42L, rows, shifted).train(dataset);
        Model<Label> wrong = new SharedRowsTrainer(LR, 1.0, 1000, 0.01, 42L, rows,
                rowOfExample.stream().mapToInt(Integer::intValue).toArray()).train(dataset);
        Model<Label> right = new LibLinearClassificationTrainer(LR, 1.0, 1000, 0.01, 42L).train(dataset);
        assertFalse(java.util.Arrays.equals(weights(right), weights(wrong)));
    }

    @Test
    void aRowCountOtherThanTheDataSetsIsRefused() {
        List<Integer> rowOfExample = new ArrayList<>();
        MutableDataset<Label> dataset = dataSet(1, rowOfExample);
        SharedRowsTrainer trainer = new SharedRowsTrainer(LR, 1.0, 1000, 0.01, 42L, new SharedRowsTrainer.Rows(ROWS),
                new int[] {0, 1, 2});
        assertThrows(IllegalArgumentException.class, () -> trainer.train(dataset));
    }

    @Test
    void theHeapDecidesHowManyHeadsTrainAtOnce() {
        assertTrue(BundleTrainer.headsAtOnce(1000, 384) >= 1);
        assertTrue(BundleTrainer.headsAtOnce(1000, 384) <= Runtime.getRuntime().availableProcessors());
        // Rows whose nodes alone would fill the heap: one at a time.
        assertTrue(BundleTrainer.headsAtOnce((int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / (385 * 32)),
                384) == 1);
    }
}
