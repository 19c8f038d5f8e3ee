package io.moderato.classification;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several Tribuo models in one file: length-delimited protobuf messages, each a model with its full provenance, in
 * a fixed order. Used for the many small heads of a bundle.
 */
public final class TribuoFiles {

    private TribuoFiles() {
    }

    /**
     * @param file   the file to write
     * @param models the models, in the order {@link #readLabelModels} returns them
     * @throws IOException when writing fails
     */
    public static void writeAll(Path file, List<? extends Model<?>> models) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Model<?> model : models) {
                model.serialize().writeDelimitedTo(out);
            }
        }
    }

    /**
     * @param file a file written by {@link #writeAll}
     * @return its classification models, in order
     * @throws IOException when the file is missing, unreadable, or holds something other than classification models
     */
    public static List<Model<Label>> readLabelModels(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing model file " + file);
        }
        List<Model<Label>> models = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ModelProto proto;
            while ((proto = ModelProto.parseDelimitedFrom(in)) != null) {
                Model<?> model = Model.deserialize(proto);
                if (!model.validate(Label.class)) {
                    throw new IOException(file + " holds a model that is not a classifier");
                }
                @SuppressWarnings("unchecked")
                Model<Label> labelModel = (Model<Label>) model;
                models.add(labelModel);
            }
        }
        return models;
    }
}
