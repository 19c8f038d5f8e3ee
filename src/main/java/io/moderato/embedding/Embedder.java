package io.moderato.embedding;

import java.util.List;

/** Something that turns texts into sentence embeddings with one known encoder: the encoder, a cache or a batcher. */
public interface Embedder {

    /** @return the encoder whose embeddings these are */
    EncoderIdentity identity();

    /**
     * @param texts the texts
     * @return one L2-normalised embedding per text, in order
     */
    float[][] embedAll(List<String> texts);

    /**
     * @param text a text
     * @return its embedding
     */
    default float[] embed(String text) {
        return embedAll(List.of(text))[0];
    }
}
