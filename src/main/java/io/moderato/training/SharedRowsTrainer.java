package io.moderato.training;

import com.oracle.labs.mlrg.olcut.util.Pair;
import de.bwaldvogel.liblinear.FeatureNode;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tribuo's LibLinear classification trainer for one of several heads over the rows of one matrix (the encoder
 * family's attribute heads all read the corpus embeddings): each row's LibLinear nodes are made once, in
 * {@link Rows}, and shared by every head, where Tribuo's trainer makes them again for each head (a node object per
 * value, looked up by feature name: some 10 million objects a head for the corpus; made once, the heads' phase of a
 * training took 25 s instead of 30 on one core with the run command's collector, 6 s of it collecting instead of
 * 11). LibLinear only reads its problem's nodes, and the heads' data sets name the same features, so the nodes, and
 * the models, are the ones Tribuo's trainer makes; the provenance names this class.
 */
final class SharedRowsTrainer extends LibLinearClassificationTrainer {

    private final Rows rows;
    private final int[] rowOfExample;

    /**
     * @param type          LibLinear's solver
     * @param cost          LibLinear's cost C
     * @param maxIterations most solver iterations
     * @param tolerance     the solver's stopping tolerance
     * @param seed          the seed
     * @param rows          the nodes of the matrix's rows, shared with the other heads
     * @param rowOfExample  per example of the data set this trainer will train on, in its order, the row it holds
     */
    SharedRowsTrainer(LinearClassificationType type, double cost, int maxIterations, double tolerance, long seed,
                      Rows rows, int[] rowOfExample) {
        super(type, cost, maxIterations, tolerance, seed);
        this.rows = rows;
        this.rowOfExample = rowOfExample.clone();
    }

    @Override
    protected Pair<FeatureNode[][], double[][]> extractData(Dataset<Label> data, ImmutableOutputInfo<Label> outputInfo,
                                                            ImmutableFeatureMap featureMap) {
        if (rowOfExample.length != data.size()) {
            throw new IllegalArgumentException(rowOfExample.length + " rows for " + data.size() + " examples");
        }
        rows.checkFeatures(featureMap);
        FeatureNode[][] features = new FeatureNode[data.size()][];
        double[][] outputs = new double[1][data.size()];
        ArrayList<FeatureNode> scratch = new ArrayList<>();
        int i = 0;
        for (Example<Label> example : data) {
            outputs[0][i] = outputInfo.getID(example.getOutput());
            features[i] = rows.nodes(rowOfExample[i], example, featureMap, scratch);
            i++;
        }
        return new Pair<>(features, outputs);
    }

    /** The LibLinear nodes of a matrix's rows, made from the first example that holds each row. Thread-safe. */
    static final class Rows {

        private final AtomicReferenceArray<FeatureNode[]> byRow;
        private final AtomicReference<ImmutableFeatureMap> features = new AtomicReference<>();

        /** @param count how many rows the matrix has */
        Rows(int count) {
            this.byRow = new AtomicReferenceArray<>(count);
        }

        private void checkFeatures(ImmutableFeatureMap featureMap) {
            ImmutableFeatureMap first = features.compareAndExchange(null, featureMap);
            if (first != null && !sameIds(first, featureMap)) {
                throw new IllegalArgumentException("a head's features differ from the first head's");
            }
        }

        private FeatureNode[] nodes(int row, Example<Label> example, ImmutableFeatureMap featureMap,
                                    ArrayList<FeatureNode> scratch) {
            FeatureNode[] known = byRow.get(row);
            if (known != null) {
                return known;
            }
            FeatureNode[] made = exampleToNodes(example, featureMap, scratch);
            FeatureNode[] raced = byRow.compareAndExchange(row, null, made);
            return raced == null ? made : raced;
        }

        private static boolean sameIds(ImmutableFeatureMap a, ImmutableFeatureMap b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int id = 0; id < a.size(); id++) {
                if (!a.get(id).getName().equals(b.get(id).getName())) {
                    return false;
                }
            }
            return true;
        }
    }
}
