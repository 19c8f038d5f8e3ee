package io.moderato.embedding;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The micro-batcher with a fake encoder that records its calls (no ONNX here). */
class EmbeddingBatcherTest {

    /** Embeds a text as {length, first char}; counts calls and texts. */
    static final class CountingEncoder implements Embedder {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger texts = new AtomicInteger();
        final List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile RuntimeException failure;

        @Override
        public EncoderIdentity identity() {
            return EncoderIdentity.of(EncoderSpec.E5_SMALL_V2_Q, "fake");
        }

        @Override
        public float[][] embedAll(List<String> batch) {
            calls.incrementAndGet();
            texts.addAndGet(batch.size());
            batchSizes.add(batch.size());
            if (failure != null) {
                throw failure;
            }
            float[][] out = new float[batch.size()][];
            for (int i = 0; i < out.length; i++) {
                String t = batch.get(i);
                out[i] = new float[] {t.length(), t.isEmpty() ? 0 : t.charAt(0)};
            }
            return out;
        }
    }

    @Test
    void concurrentRequestsShareEncoderCalls() throws Exception {
        CountingEncoder encoder = new CountingEncoder();
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(encoder, 50, 64, 0)) {
            int clients = 16;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String text = "comment number " + c;
                results.add(pool.submit(() -> {
                    start.await();
                    return batcher.embed(text);
                }));
            }
            start.countDown();
            for (int c = 0; c < clients; c++) {
                String text = "comment number " + c;
                assertArrayEquals(new float[] {text.length(), 'c'}, results.get(c).get(), "each caller gets its own text's vector");
            }
            pool.shutdown();
            assertEquals(clients, encoder.texts.get());
            assertTrue(encoder.calls.get() < clients, "16 concurrent requests took " + encoder.calls.get() + " calls");
        }
    }

    @Test
    void aBatchIsSentAsSoonAsItIsFull() {
        CountingEncoder encoder = new CountingEncoder();
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(encoder, 60_000, 3, 0)) {
            long start = System.nanoTime();
            batcher.embedAll(List.of("a", "b", "c", "d"));
            assertTrue(System.nanoTime() - start < 30_000_000_000L, "did not wait for the window");
            assertEquals(1, encoder.calls.get());
        }
    }

    @Test
    void repeatedTextsComeFromTheCache() {
        CountingEncoder encoder = new CountingEncoder();
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(encoder, 1, 32, 100)) {
            float[] first = batcher.embed("Who cares?");
            float[] again = batcher.embed("  Who cares?  ");
            assertArrayEquals(first, again);
            assertEquals(1, encoder.texts.get(), "the trimmed text is the same text");
            batcher.embedAll(List.of("Who cares?", "Nope."));
            assertEquals(2, encoder.texts.get(), "only the new text is embedded");
            assertEquals(List.of(1, 1), encoder.batchSizes);
        }
    }

    @Test
    void theCacheIsBounded() {
        CountingEncoder encoder = new CountingEncoder();
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(encoder, 1, 32, 10)) {
            for (int i = 0; i < 500; i++) {
                batcher.embed("text " + i);
            }
            com.github.benmanes.caffeine.cache.Caffeine.class.getName();
            assertTrue(batcher.cachedCount() <= 20, "cache holds " + batcher.cachedCount());
        }
    }

    @Test
    void anEncoderFailureReachesEveryCallerAndTheBatcherGoesOn() {
        CountingEncoder encoder = new CountingEncoder();
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(encoder, 1, 32, 0)) {
            encoder.failure = new IllegalStateException("onnx failed");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> batcher.embed("x"));
            assertEquals("onnx failed", e.getMessage());
            encoder.failure = null;
            assertArrayEquals(new float[] {1, 'y'}, batcher.embed("y"));
        }
    }

    @Test
    void aClosedBatcherRefuses() {
        EmbeddingBatcher batcher = new EmbeddingBatcher(new CountingEncoder(), 1, 32, 0);
        batcher.close();
        assertThrows(IllegalStateException.class, () -> batcher.embed("late"));
    }
}
