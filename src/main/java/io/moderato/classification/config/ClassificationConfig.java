package io.moderato.classification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and serving-time choices of the classification API. */
@ConfigMapping(prefix = "moderato.classification")
public interface ClassificationConfig {

    /** Longest comment text accepted, in characters (UTF-16 code units). */
    @WithDefault("20000")
    int maxTextLength();

    /** Most items accepted in one batch request. */
    @WithDefault("1000")
    int maxBatchSize();

    /** Comments at least this long (characters) with several sentences are also scored sentence by sentence. */
    @WithDefault("200")
    int sentenceMinLength();

    /** Spans are reported for attributes scoring at least this (low: spans explain a score, they do not decide). */
    @WithDefault("0.1")
    double spanMinScore();

    /** Most topics returned per comment. */
    @WithDefault("3")
    int maxTopics();

    /** Weight of the article's topics when the request gives the article (0 to 1; 0 ignores the article). */
    @WithDefault("0.5")
    double contextWeight();

    /** Default scoring mode: {@code full} (word model and sentence encoder) or {@code fast} (word model alone). */
    @WithDefault("full")
    String mode();

    /** The sentence encoder to run: {@code e5-small-v2-q}, or {@code none} to serve the fast mode only. */
    @WithDefault("e5-small-v2-q")
    String encoder();

    /** ONNX Runtime threads for one encoder call (0: one per core). */
    @WithDefault("0")
    int encoderThreads();

    /** Longest wait, in milliseconds, for concurrent requests to join one encoder call. */
    @WithDefault("5")
    int batchWindowMs();

    /** An encoder call starts as soon as this many texts are waiting. */
    @WithDefault("32")
    int batchMaxTexts();

    /** Embeddings kept in memory for repeated texts (about 1.6 KB each; 0 disables). */
    @WithDefault("10000")
    int embeddingCacheSize();
}
