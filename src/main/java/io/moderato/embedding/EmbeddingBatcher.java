package io.moderato.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.codec.digest.DigestUtils;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Serves embeddings to concurrent requests: texts seen recently come from a bounded cache keyed by the hash of the
 * normalised text (NFC, trimmed), and the rest are queued for one worker thread that waits at most a short window
 * for more requests (or until enough texts are queued) and embeds them all in one encoder call, since one call of 32
 * texts costs far less than 32 calls of one. Thread-safe.
 */
public final class EmbeddingBatcher implements Embedder, AutoCloseable {

    private record Request(List<String> texts, CompletableFuture<float[][]> result) {
    }

    private final Embedder encoder;
    private final long windowNanos;
    private final int maxTexts;
    private final Cache<String, float[]> cache;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    /**
     * @param encoder   the encoder that does the work
     * @param windowMs  longest wait, in milliseconds, for more requests to join a batch
     * @param maxTexts  a batch is sent as soon as it has this many texts
     * @param cacheSize most embeddings kept (0 disables the cache)
     */
    public EmbeddingBatcher(Embedder encoder, int windowMs, int maxTexts, int cacheSize) {
        this.encoder = encoder;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMs);
        this.maxTexts = Math.max(1, maxTexts);
        this.cache = Caffeine.newBuilder().maximumSize(Math.max(0, cacheSize)).build();
        this.worker = new Thread(this::work, "moderato-embedding-batcher");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public EncoderIdentity identity() {
        return encoder.identity();
    }

    @Override
    public float[][] embedAll(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        List<String> keys = new ArrayList<>(texts.size());
        List<String> normalised = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = normalise(texts.get(i));
            String key = key(text);
            normalised.add(text);
            keys.add(key);
            out[i] = cache.getIfPresent(key);
            if (out[i] == null) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<String> toEmbed = missing.stream().map(normalised::get).toList();
        CompletableFuture<float[][]> future = new CompletableFuture<>();
        if (closed) {
            throw new IllegalStateException("the embedding batcher is closed");
        }
        queue.add(new Request(toEmbed, future));
        float[][] computed;
        try {
            computed = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embeddings", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        for (int k = 0; k < missing.size(); k++) {
            int i = missing.get(k);
            out[i] = computed[k];
            cache.put(keys.get(i), computed[k]);
        }
        return out;
    }

    /** @return how many embeddings the cache holds (approximately) */
    public long cachedCount() {
        return cache.estimatedSize();
    }

    private void work() {
        while (!closed) {
            List<Request> batch = new ArrayList<>();
            try {
                Request first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int texts = first.texts().size();
                long deadline = System.nanoTime() + windowNanos;
                while (texts < maxTexts) {
                    long wait = deadline - System.nanoTime();
                    Request next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    texts += next.texts().size();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            run(batch);
        }
    }

    private void run(List<Request> batch) {
        try {
            List<String> all = new ArrayList<>();
            batch.forEach(request -> all.addAll(request.texts()));
            float[][] vectors = encoder.embedAll(all);
            int offset = 0;
            for (Request request : batch) {
                int n = request.texts().size();
                float[][] part = new float[n][];
                System.arraycopy(vectors, offset, part, 0, n);
                offset += n;
                request.result().complete(part);
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(request -> request.result().completeExceptionally(e));
        }
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    private static String key(String normalisedText) {
        return DigestUtils.sha256Hex(normalisedText.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        Request pending;
        while ((pending = queue.poll()) != null) {
            pending.result().completeExceptionally(new IllegalStateException("the embedding batcher is closed"));
        }
    }
}
