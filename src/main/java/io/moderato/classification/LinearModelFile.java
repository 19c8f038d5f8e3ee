package io.moderato.classification;

import com.google.protobuf.Any;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import org.tribuo.Model;
import org.tribuo.math.protos.DenseTensorProto;
import org.tribuo.math.protos.LinearParametersProto;
import org.tribuo.math.protos.TensorProto;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.protos.ImmutableMultiLabelInfoProto;
import org.tribuo.multilabel.sgd.protos.MultiLabelLinearSGDProto;
import org.tribuo.protos.core.FeatureDomainProto;
import org.tribuo.protos.core.ImmutableFeatureMapProto;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.OutputDomainProto;
import org.tribuo.protos.core.RealIDInfoProto;
import org.tribuo.protos.core.VariableInfoProto;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a word model's file (a Tribuo linear SGD multi-label model, as {@link TribuoFiles} writes it) straight into
 * its {@linkplain LinearMultiLabelModel#forServing serving form}: feature names, label rows and weights, taken from
 * the protobuf messages without building Tribuo's model, the feature map walked field by field. Tribuo's own
 * deserialisation makes an object per feature through reflection (some 400,000 of them per word model) only for
 * serving to let them go: on two shared cores it took 3 to 5 seconds per bundle, which a promotion on another replica
 * waits for. The file is the same; a model this reader does not know (another class or proto version) is read by
 * Tribuo, as before. A test holds the two readings equal, weight for weight.
 */
final class LinearModelFile {

    /** What {@link TribuoFiles} writes for the word models, each at proto version 0 (Tribuo 4.3). */
    static final String MODEL_CLASS = "org.tribuo.multilabel.sgd.linear.LinearSGDModel";
    static final String FEATURE_MAP_CLASS = "org.tribuo.ImmutableFeatureMap";
    static final String FEATURE_CLASS = "org.tribuo.RealIDInfo";
    static final String OUTPUT_INFO_CLASS = "org.tribuo.multilabel.ImmutableMultiLabelInfo";
    static final String PARAMETERS_CLASS = "org.tribuo.math.LinearParameters";
    static final String MATRIX_CLASS = "org.tribuo.math.la.DenseMatrix";

    /** Wire tags (field number and type) of the messages {@link #featureNames} walks. */
    private static final int LENGTH_DELIMITED = WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int FEATURE_MAP_INFO = ImmutableFeatureMapProto.INFO_FIELD_NUMBER << 3 | LENGTH_DELIMITED;
    private static final int VARINT = WireFormat.WIRETYPE_VARINT;
    private static final int VARIABLE_VERSION = VariableInfoProto.VERSION_FIELD_NUMBER << 3 | VARINT;
    private static final int VARIABLE_CLASS_NAME = VariableInfoProto.CLASS_NAME_FIELD_NUMBER << 3 | LENGTH_DELIMITED;
    private static final int VARIABLE_DATA = VariableInfoProto.SERIALIZED_DATA_FIELD_NUMBER << 3 | LENGTH_DELIMITED;
    private static final int ANY_TYPE_URL = Any.TYPE_URL_FIELD_NUMBER << 3 | LENGTH_DELIMITED;
    private static final int ANY_VALUE = Any.VALUE_FIELD_NUMBER << 3 | LENGTH_DELIMITED;
    private static final int REAL_ID_INFO_NAME = RealIDInfoProto.NAME_FIELD_NUMBER << 3 | LENGTH_DELIMITED;
    private static final int REAL_ID_INFO_ID = RealIDInfoProto.ID_FIELD_NUMBER << 3 | VARINT;

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
    static LinearMultiLabelModel direct(ModelProto proto, List<String> labels) throws IOException {
        if (!known(proto.getVersion(), proto.getClassName(), MODEL_CLASS)) {
            return null;
        }
        MultiLabelLinearSGDProto linear = proto.getSerializedData().unpack(MultiLabelLinearSGDProto.class);
        ModelDataProto metadata = linear.getMetadata();
        FeatureDomainProto features = metadata.getFeatureDomain();
        OutputDomainProto outputs = metadata.getOutputDomain();
        if (!known(features.getVersion(), features.getClassName(), FEATURE_MAP_CLASS)
                || !known(outputs.getVersion(), outputs.getClassName(), OUTPUT_INFO_CLASS)
                || !known(linear.getParams().getVersion(), linear.getParams().getClassName(), PARAMETERS_CLASS)) {
            return null;
        }
        String[] names = featureNames(features.getSerializedData());
        if (names == null) {
            return null;
        }
        TensorProto tensor = linear.getParams().getSerializedData().unpack(LinearParametersProto.class)
                .getWeightMatrix();
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
        Map<String, Integer> labelRows = labelRows(outputs.getSerializedData());
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

    /**
     * Each feature's name at its id, or null when a feature is not a {@code RealIDInfo}. The feature map's messages are
     * walked field by field rather than parsed into a message per feature (three objects and their strings each, for
     * hundreds of thousands of features: most of what loading cost, in allocation and collection).
     */
    private static String[] featureNames(Any featureMap) throws IOException {
        if (!featureMap.is(ImmutableFeatureMapProto.class)) {
            throw new IllegalArgumentException("the feature domain holds a " + featureMap.getTypeUrl());
        }
        List<String> names = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        CodedInputStream in = featureMap.getValue().newCodedInput();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag != FEATURE_MAP_INFO) {
                in.skipField(tag);
                continue;
            }
            int limit = in.pushLimit(in.readRawVarint32());
            int version = 0;
            String className = "";
            boolean read = false;
            for (int field = in.readTag(); field != 0; field = in.readTag()) {
                switch (field) {
                    case VARIABLE_VERSION -> version = in.readInt32();
                    case VARIABLE_CLASS_NAME -> className = in.readStringRequireUtf8();
                    case VARIABLE_DATA -> {
                        if (!known(version, className, FEATURE_CLASS)) {
                            return null;
                        }
                        readRealIdInfo(in, names, ids);
                        read = true;
                    }
                    default -> in.skipField(field);
                }
            }
            in.popLimit(limit);
            if (!read) {
                throw new IllegalArgumentException("a feature without its statistics");
            }
        }
        String[] byId = new String[names.size()];
        for (int i = 0; i < byId.length; i++) {
            int id = ids.get(i);
            if (id < 0 || id >= byId.length || byId[id] != null) {
                throw new IllegalArgumentException("feature " + names.get(i) + " has id " + id + " among "
                        + byId.length + " features");
            }
            byId[id] = names.get(i);
        }
        return byId;
    }

    /** Reads a feature's {@code Any} holding its {@code RealIDInfoProto}: its name and id. */
    private static void readRealIdInfo(CodedInputStream in, List<String> names, List<Integer> ids) throws IOException {
        int anyLimit = in.pushLimit(in.readRawVarint32());
        String name = null;
        int id = 0; // proto3 leaves a field at its default (0) out
        for (int field = in.readTag(); field != 0; field = in.readTag()) {
            if (field == ANY_TYPE_URL) {
                String typeUrl = in.readStringRequireUtf8();
                if (!typeUrl.endsWith("/" + RealIDInfoProto.getDescriptor().getFullName())) {
                    throw new IllegalArgumentException("a feature's statistics are a " + typeUrl);
                }
            } else if (field == ANY_VALUE) {
                int valueLimit = in.pushLimit(in.readRawVarint32());
                for (int info = in.readTag(); info != 0; info = in.readTag()) {
                    switch (info) {
                        case REAL_ID_INFO_NAME -> name = in.readStringRequireUtf8();
                        case REAL_ID_INFO_ID -> id = in.readInt32();
                        default -> in.skipField(info);
                    }
                }
                in.popLimit(valueLimit);
            } else {
                in.skipField(field);
            }
        }
        in.popLimit(anyLimit);
        if (name == null) {
            throw new IllegalArgumentException("a feature without a name");
        }
        names.add(name);
        ids.add(id);
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
