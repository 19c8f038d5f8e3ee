package io.moderato.classification;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tribuo models in files: one model to a file, or several in one file as length-delimited protobuf messages, each a
 * model with its full provenance, in a fixed order (the many small heads of a bundle). Files are read and written
 * through {@link FileInputStream} and {@link FileOutputStream}, not file channels: a channel copies each read or
 * write into a temporary direct buffer as large as the call, which the JDK then keeps per thread, and protobuf moves
 * a word model's weights in one call (32–41 MB), past the run command's {@code -XX:MaxDirectMemorySize=64m}.
 */
public final class TribuoFiles {

    private TribuoFiles() {
    }

    /**
     * @param model the model
     * @param file  the file to write
     * @throws IOException when writing fails
     */
    public static void write(Model<?> model, Path file) throws IOException {
        try (OutputStream out = output(file)) {
            model.serializeToStream(out);
        }
    }

    /**
     * @param file a file written by {@link #write}
     * @return the model's message, for {@link Model#deserialize} (or {@link LinearModelFile}) to read
     * @throws IOException when the file is missing, unreadable or not a model's message
     */
    public static ModelProto readProto(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing model file " + file);
        }
        try (InputStream in = input(file)) {
            return ModelProto.parseFrom(in);
        }
    }

    /**
     * @param file   the file to write
     * @param models the models, in the order {@link #readLabelModels} returns them
     * @throws IOException when writing fails
     */
    public static void writeAll(Path file, List<? extends Model<?>> models) throws IOException {
        try (OutputStream out = output(file)) {
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
        try (InputStream in = input(file)) {
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

    private static OutputStream output(Path file) throws IOException {
        return new BufferedOutputStream(new FileOutputStream(file.toFile()));
    }

    private static InputStream input(Path file) throws IOException {
        return new BufferedInputStream(new FileInputStream(file.toFile()));
    }
}
