package io.moderato.classification.service;

import io.moderato.classification.config.ClassificationConfig;
import io.moderato.embedding.EmbeddingBatcher;
import io.moderato.embedding.EncoderIdentity;
import io.moderato.embedding.EncoderSpec;
import io.moderato.embedding.Encoders;
import io.moderato.embedding.SentenceEncoder;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The service's sentence encoder, loaded once from the class path (a few seconds), behind a micro-batcher and a
 * cache. With {@code moderato.classification.encoder=none} there is none and the service scores in fast mode.
 */
@ApplicationScoped
public class EncoderService {

    private static final Logger LOG = Logger.getLogger(EncoderService.class);

    private final SentenceEncoder encoder;
    private final EmbeddingBatcher batcher;

    public EncoderService(ClassificationConfig config) {
        if (Encoders.NONE.equals(config.encoder())) {
            encoder = null;
            batcher = null;
            LOG.info("no sentence encoder configured: scoring in fast mode only");
            return;
        }
        EncoderSpec spec = EncoderSpec.byName(config.encoder()).orElseThrow(() -> new IllegalArgumentException(
                "moderato.classification.encoder: unknown encoder " + config.encoder() + "; known: "
                        + EncoderSpec.knownNames() + " or none"));
        long start = System.nanoTime();
        int threads = config.encoderThreads() > 0 ? config.encoderThreads() : Runtime.getRuntime().availableProcessors();
        encoder = new SentenceEncoder(spec, threads);
        batcher = new EmbeddingBatcher(encoder, config.batchWindowMs(), config.batchMaxTexts(), config.embeddingCacheSize());
        LOG.infof("sentence encoder %s loaded in %d ms (ONNX sha256 %s)", spec.name(),
                (System.nanoTime() - start) / 1_000_000, encoder.modelSha256());
    }

    /** @return the encoder behind its batcher and cache, if one is configured */
    public Optional<EmbeddingBatcher> embedder() {
        return Optional.ofNullable(batcher);
    }

    /** @return the identity of the configured encoder, if any: bundles trained on another are refused */
    public Optional<EncoderIdentity> identity() {
        return encoder == null ? Optional.empty() : Optional.of(encoder.identity());
    }

    /** @return the raw encoder (no cache, no batching), if one is configured */
    public Optional<SentenceEncoder> encoder() {
        return Optional.ofNullable(encoder);
    }

    /**
     * Loads a second copy of the configured encoder (about 2 s) for the first start's training, which embeds the
     * whole corpus, one single-threaded run per core ({@link SentenceEncoder#forBulk}). The caller closes it when
     * the training is done (its native memory goes with it). A site's training embeds only what the cache lacks,
     * mostly the site's labels, and uses the serving encoder.
     *
     * @return the bulk encoder, or empty when no encoder is configured
     */
    public Optional<SentenceEncoder> openBulkEncoder() {
        return encoder == null ? Optional.empty() : Optional.of(SentenceEncoder.forBulk(encoder.spec()));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (batcher != null) {
            // The ONNX session itself is left to the process's exit: a training thread may still be inside it, and
            // freeing native memory under a running call crashes the JVM.
            batcher.close();
        }
    }
}
