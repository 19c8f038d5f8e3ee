package io.moderato.classification;

/** The layout of a model bundle directory, shared by the code that writes bundles and the code that reads them. */
public final class BundleFiles {

    /** The manifest, JSON. */
    public static final String MANIFEST = "manifest.json";
    /** The attribute model, Tribuo protobuf. */
    public static final String ATTRIBUTE_MODEL = "attributes.tribuo";
    /** The topic model, Tribuo protobuf. */
    public static final String TOPIC_MODEL = "topics.tribuo";
    /** The evaluation report on the held-out split, JSON. */
    public static final String EVALUATION = "evaluation.json";
    /** Tribuo's full provenance of both models, as text. */
    public static final String PROVENANCE = "provenance.txt";
    /** Sub-directory of the data directory that holds one directory per bundle. */
    public static final String MODELS_DIR = "models";

    private BundleFiles() {
    }
}
