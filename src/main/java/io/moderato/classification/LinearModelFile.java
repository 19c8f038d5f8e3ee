package io.moderato.classification;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import org.tribuo.Model;
import org.tribuo.math.protos.DenseTensorProto;
import org.tribuo.math.protos.LinearParametersProto;
import org.tribuo.math.protos.TensorProto;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.protos.ImmutableMultiLabelInfoProto;
import org.tribuo.multilabel.sgd.protos.MultiLabelLinearSGDProto;
import org.tribuo.protos.core.ImmutableFeatureMapProto;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.RealIDInfoProto;
import org.tribuo.protos.core.VariableInfoProto;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a word model's file (a Tribuo linear SGD multi-label model, as {@link TribuoFiles} writes it) straight into
 * its {@linkplain LinearMultiLabelModel#forServing serving form}: feature names, label rows and weights, taken from
 * the protobuf messages without building Tribuo's model. Tribuo's own deserialisation makes an object per feature
 * through reflection (some 400,000 of them per word model) only for serving to let them go: on two shared cores it
 * took 3 to 5 seconds per bundle, which a promotion on another replica waits for. The file is the same; a model this
 * reader does not know (another class or proto version) is read by Tribuo, as before. A test holds the two readings
 * equal, weight for weight.
 */
final class LinearModelFile {

    /** What {@link TribuoFiles} writes for the word models, each at proto version 0 (Tribuo 4.3). */
    static final String MODEL_CLASS = "org.tribuo.multilabel.sgd.linear.LinearSGDModel";
    static final String FEATURE_MAP_CLASS = "org.tribuo.ImmutableFeatureMap";
    static final String FEATURE_CLASS = "org.tribuo.RealIDInfo";
    static final String OUTPUT_INFO_CLASS = "org.tribuo.multilabel.ImmutableMultiLabelInfo";
    static final String PARAMETERS_CLASS = "org.tribuo.math.LinearParameters";
    static final String MATRIX_CLASS = "org.tribuo.math.la.DenseMatrix";

    private LinearModelFile() {
    }

    /**
     * @param file   a word model's file
     * @param labels the label names, in the order scores are returned; each must be known to the model
     * @return the model, for serving
     * @throws IOException when the file is missing, unreadable or not a linear multi-label model
     */
    static LinearMultiLabelModel readForServing(Path file, List<String> labels) throws IOException {
        ModelProto proto = TribuoFiles.readProto(file);
        try {
            LinearMultiLabelModel direct = direct(proto, labels);
            if (direct != null) {
                return direct;
            }
            Model<?> model = Model.deserialize(proto);
            if (!model.validate(MultiLabel.class)) {
                throw new IOException(file + " is not a multi-label model");
            }
            @SuppressWarnings("unchecked")
            Model<MultiLabel> multiLabel = (Model<MultiLabel>) model;
            return LinearMultiLabelModel.forServing(multiLabel, labels);
        } catch (InvalidProtocolBufferException | IllegalArgumentException | IllegalStateException e) {
            throw new IOException(file + " is not a linear multi-label model Moderato can read: " + e.getMessage(), e);
        }
    }

    /** The model read from its messages, or null when they are not all of the classes and versions known here. */
    static LinearMultiLabelModel direct(ModelProto proto, List<String> labels) throws InvalidProtocolBufferException {
        if (!known(proto.getVersion(), proto.getClassName(), MODEL_CLASS)) {
            return null;
        }
        MultiLabelLinearSGDProto linear = proto.getSerializedData().unpack(MultiLabelLinearSGDProto.class);
        ModelDataProto metadata = linear.getMetadata();
        if (!known(metadata.getFeatureDomain().getVersion(), metadata.getFeatureDomain().getClassName(), FEATURE_MAP_CLASS)
                || !known(metadata.getOutputDomain().getVersion(), metadata.getOutputDomain().getClassName(), OUTPUT_INFO_CLASS)
                || !known(linear.getParams().getVersion(), linear.getParams().getClassName(), PARAMETERS_CLASS)) {
            return null;
        }
        String[] names = featureNames(metadata.getFeatureDomain().getSerializedData());
        if (names == null) {
            return null;
        }
        TensorProto tensor = linear.getParams().getSerializedData().unpack(LinearParametersProto.class).getWeightMatrix();
        if (!known(tensor.getVersion(), tensor.getClassName(), MATRIX_CLASS)) {
            return null;
        }
        DenseTensorProto matrix = tensor.getSerializedData().unpack(DenseTensorProto.class);
        if (matrix.getDimensionsCount() != 2 || matrix.getDimensions(1) != names.length + 1) {
            throw new IllegalArgumentException("a weight matrix of shape " + matrix.getDimensionsList() + " for "
                    + names.length + " features and the bias");
        }
        int rows = matrix.getDimensions(0);
        int columns = matrix.getDimensions(1);
        DoubleBuffer values = matrix.getValues().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        if (values.remaining() != (long) rows * columns) {
            throw new IllegalArgumentException("a weight matrix of " + rows + " x " + columns + " holds "
                    + values.remaining() + " values");
        }
        Map<String, Integer> labelRows = labelRows(metadata.getOutputDomain().getSerializedData());
        double[][] weights = new double[labels.size()][];
        for (int i = 0; i < labels.size(); i++) {
            Integer row = labelRows.get(labels.get(i));
            if (row == null || row < 0 || row >= rows) {
                throw new IllegalArgumentException("label " + labels.get(i) + " is unknown to the model");
            }
            weights[i] = new double[columns];
            values.get(row * columns, weights[i]);
        }
        return LinearMultiLabelModel.ofWeights(labels, names, weights);
    }

    /** Each feature's name at its id, or null when a feature is not a {@code RealIDInfo}. */
    private static String[] featureNames(Any featureMap) throws InvalidProtocolBufferException {
        List<VariableInfoProto> infos = featureMap.unpack(ImmutableFeatureMapProto.class).getInfoList();
        String[] names = new String[infos.size()];
        for (VariableInfoProto info : infos) {
            if (!known(info.getVersion(), info.getClassName(), FEATURE_CLASS)) {
                return null;
            }
            RealIDInfoProto feature = info.getSerializedData().unpack(RealIDInfoProto.class);
            int id = feature.getId();
            if (id < 0 || id >= names.length || names[id] != null) {
                throw new IllegalArgumentException("feature " + feature.getName() + " has id " + id + " among "
                        + names.length + " features");
            }
            names[id] = feature.getName();
        }
        return names;
    }

    private static Map<String, Integer> labelRows(Any outputInfo) throws InvalidProtocolBufferException {
        ImmutableMultiLabelInfoProto info = outputInfo.unpack(ImmutableMultiLabelInfoProto.class);
        if (info.getLabelCount() != info.getIdCount()) {
            throw new IllegalArgumentException(info.getLabelCount() + " labels with " + info.getIdCount() + " ids");
        }
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < info.getLabelCount(); i++) {
            rows.put(info.getLabel(i), info.getId(i));
        }
        return rows;
    }

    private static boolean known(int version, String className, String expected) {
        return version == 0 && expected.equals(className);
    }
}
