package io.moderato.classification;

/** The layout of a model bundle directory, shared by the code that writes bundles and the code that reads them. */
public final class BundleFiles {

    /** The manifest, JSON. */
    public static final String MANIFEST = "manifest.json";
    /** The word family's attribute model, Tribuo protobuf. */
    public static final String ATTRIBUTE_MODEL = "attributes.tribuo";
    /** The word family's topic model, Tribuo protobuf. */
    public static final String TOPIC_MODEL = "topics.tribuo";
    /** The lexicon the word family was trained with (a copy, so later edits of the shipped one change nothing). */
    public static final String LEXICON = "lexicon.txt";
    /** The encoder family's heads: one per attribute, then the topic head (delimited Tribuo protobufs). */
    public static final String ENCODER_HEADS = "encoder-heads.tribuo";
    /** The combiner's heads: the stacked ones per attribute, then the word-only ones (delimited Tribuo protobufs). */
    public static final String COMBINER = "combiner.tribuo";
    /** The evaluation report on the held-out split, JSON. */
    public static final String EVALUATION = "evaluation.json";
    /** The evaluation gate's report (bundles trained for a site), JSON: figures side by side with the live bundle. */
    public static final String GATE = "gate.json";
    /** A site's bundle: the calibration of its scores to the site's labels, applied when it serves, JSON. */
    public static final String CALIBRATION = "calibration.json";
    /** The unintended-bias report, JSON: a list, the corpus held-out split first, then the site's slice. */
    public static final String BIAS = "bias.json";
    /** Tribuo's full provenance of every model, as text. */
    public static final String PROVENANCE = "provenance.txt";
    /** Sub-directory of the data directory that holds one directory per bundle. */
    public static final String MODELS_DIR = "models";

    private BundleFiles() {
    }
}
