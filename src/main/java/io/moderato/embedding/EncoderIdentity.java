package io.moderato.embedding;

/**
 * What a model bundle records about the encoder its heads were trained on; a bundle loads only against an encoder
 * with the same identity.
 *
 * @param name       the encoder's short name
 * @param artifact   Maven coordinates of the jar that shipped the model
 * @param sha256     hex SHA-256 of the ONNX file
 * @param pooling    how token vectors were pooled
 * @param maxTokens  tokens per window
 * @param prefix     text put before every input
 * @param dimensions embedding length
 */
public record EncoderIdentity(String name, String artifact, String sha256, EncoderSpec.Pooling pooling,
                              int maxTokens, String prefix, int dimensions) {

    /**
     * @param spec   the encoder
     * @param sha256 the hash of its loaded ONNX file
     * @return its identity
     */
    public static EncoderIdentity of(EncoderSpec spec, String sha256) {
        return new EncoderIdentity(spec.name(), spec.artifact(), sha256, spec.pooling(), spec.maxTokens(),
                spec.prefix(), spec.dimensions());
    }
}
