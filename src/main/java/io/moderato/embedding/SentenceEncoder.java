package io.moderato.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a pretrained sentence encoder: tokenises with the model's own HuggingFace tokenizer, runs the quantised ONNX
 * model with ONNX Runtime and pools the token vectors into one L2-normalised vector per text. A text longer than the
 * model's window is read in consecutive windows whose vectors are averaged (weighted by their token counts), so the
 * whole comment counts, up to {@value #MAX_WINDOWS} windows (beyond that a text is an essay, and each window costs
 * as much as a dozen comments; the word model still reads all of it). Thread-safe; one call embeds a whole batch in
 * ONNX runs of windows of similar length.
 * <p>
 * Two ways to use the cores: a serving encoder gives each run all of them (ONNX Runtime's intra-op threads), which
 * keeps one request's latency low; a bulk encoder ({@link #forBulk}), for training and evaluation, runs single-threaded
 * runs side by side, one per core. Measured on two cores over 3,000 corpus comments, the bulk way embedded 1.4 to 1.8
 * times as many comments per second when the other work of a training (the word family, on a thread of its own)
 * shared the cores, where the intra-op threads wait on each other at every step; on idle cores the two are alike.
 */
public final class SentenceEncoder implements Embedder, AutoCloseable {

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final int MAX_RUN_WINDOWS = 32;
    /** Most windows read of one text: about 4,000 tokens, some 16,000 characters of English. */
    static final int MAX_WINDOWS = 8;
    /**
     * Most padded tokens in one ONNX run. Smaller runs keep a run's activations in the core's caches: embedding
     * 5,000 of the corpus's longer comments in bulk on two idle cores, runs of at most 768 tokens did 287-299 comments
     * a second against 228-249 with 2,048 (512: 289-298; 1,024: 277-283), and serving batches of 64 comments of
     * 100-140 characters 398-417 against 367-384. Training and serving group a batch's windows alike, so a comment
     * embedded with the same company gets the same vector either way.
     */
    private static final int MAX_RUN_TOKENS = 768;
    private static final double MAX_LENGTH_SPREAD = 1.5;

    private final EncoderSpec spec;
    private final String modelSha256;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTokenTypes;
    private final long clsId;
    private final long sepId;
    /** Runs side by side in bulk mode, or null when one run at a time uses every intra-op thread. */
    private final ExecutorService parallelRuns;

    /**
     * Loads the encoder's model and tokenizer from the class path.
     *
     * @param spec    which encoder
     * @param threads ONNX Runtime's intra-op threads (the cores one batch may use)
     * @throws IllegalStateException when the encoder's jar is not on the class path or the model cannot be loaded
     */
    public SentenceEncoder(EncoderSpec spec, int threads) {
        this(spec, threads, 1);
    }

    /**
     * An encoder for embedding many texts at once (a corpus, an evaluation set): each ONNX run single-threaded, as
     * many runs at a time as there are cores. Close it when done: its threads and native memory are its own.
     *
     * @param spec which encoder
     * @return the loaded encoder
     * @throws IllegalStateException when the encoder's jar is not on the class path or the model cannot be loaded
     */
    public static SentenceEncoder forBulk(EncoderSpec spec) {
        return new SentenceEncoder(spec, 1, Runtime.getRuntime().availableProcessors());
    }

    private SentenceEncoder(EncoderSpec spec, int threads, int runsAtOnce) {
        this.spec = spec;
        byte[] model = readResource(spec.modelResource());
        this.modelSha256 = DigestUtils.sha256Hex(model);
        try (InputStream tokenizerJson = resource(spec.tokenizerResource())) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer of " + spec.name(), e);
        }
        long[] special = tokenizer.encode("", true, false).getIds();
        if (special.length != 2) {
            throw new IllegalStateException(spec.name() + ": expected [CLS] and [SEP] around a text, got " + Arrays.toString(special));
        }
        this.clsId = special[0];
        this.sepId = special[1];
        try {
            this.environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Math.max(1, threads));
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // ONNX Runtime's arena keeps the memory of earlier runs for the next: without it every tensor of every
            // layer is a fresh malloc, and the large ones are fresh pages from the kernel. Measured over 3,000 corpus
            // comments on two cores: a quarter to two thirds more comments per second, a third of the system time
            // and a lower peak resident size (540 against 650-780 MB for the process), since a run's size is
            // bounded (MAX_RUN_TOKENS). Memory patterns (a plan per input shape) stay off: shapes vary with every
            // batch.
            options.setCPUArenaAllocator(true);
            options.setMemoryPatternOptimization(false);
            this.session = environment.createSession(model, options);
            this.wantsTokenTypes = session.getInputNames().contains(TOKEN_TYPE_IDS);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the ONNX model of " + spec.name(), e);
        }
        this.parallelRuns = runsAtOnce <= 1 ? null : Executors.newFixedThreadPool(runsAtOnce, new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable runnable) {
                Thread thread = new Thread(runnable, "encoder-run-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }
        });
    }

    /** @return which encoder this is */
    public EncoderSpec spec() {
        return spec;
    }

    /** @return hex SHA-256 of the ONNX file that was loaded */
    public String modelSha256() {
        return modelSha256;
    }

    /** @return the identity a bundle records: the spec and the loaded model file's hash */
    @Override
    public EncoderIdentity identity() {
        return EncoderIdentity.of(spec, modelSha256);
    }

    /**
     * Embeds texts together: every window of every text goes into ONNX runs of at most {@code maxBatch} windows,
     * padded to the longest window of the run.
     *
     * @param texts the texts
     * @return one L2-normalised embedding per text, in order
     */
    @Override
    public float[][] embedAll(List<String> texts) {
        List<long[]> windows = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            long[] ids = tokenizer.encode(spec.prefix() + texts.get(t), false, false).getIds();
            int room = spec.maxTokens() - 2;
            int from = 0;
            do {
                int to = Math.min(ids.length, from + room);
                long[] window = new long[to - from + 2];
                window[0] = clsId;
                System.arraycopy(ids, from, window, 1, to - from);
                window[window.length - 1] = sepId;
                windows.add(window);
                owners.add(t);
                from = to;
            } while (from < ids.length && from < (long) room * MAX_WINDOWS);
        }
        int[] owner = owners.stream().mapToInt(Integer::intValue).toArray();
        float[][] windowVectors = runSorted(windows);
        float[][] result = new float[texts.size()][spec.dimensions()];
        for (int w = 0; w < windows.size(); w++) {
            float weight = windows.get(w).length;
            float[] target = result[owner[w]];
            for (int d = 0; d < target.length; d++) {
                target[d] += weight * windowVectors[w][d];
            }
        }
        for (float[] vector : result) {
            normalise(vector);
        }
        return result;
    }

    /**
     * Runs the windows in length order, grouped so that a run pads little: a run holds at most
     * {@value #MAX_RUN_WINDOWS} windows and {@value #MAX_RUN_TOKENS} padded tokens, and a window at most
     * {@value #MAX_LENGTH_SPREAD} times as long as the run's shortest. One run of 64 padded to the longest comment
     * costs several times more time (and native memory) than a few runs of similar lengths. A bulk encoder runs
     * them side by side; the grouping, and so every vector, is the same either way.
     */
    private float[][] runSorted(List<long[]> windows) {
        Integer[] order = new Integer[windows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(windows.get(a).length, windows.get(b).length));
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        while (start < order.length) {
            int shortest = windows.get(order[start]).length;
            int end = start + 1;
            while (end < order.length && end - start < MAX_RUN_WINDOWS) {
                int length = windows.get(order[end]).length;
                if (length > MAX_LENGTH_SPREAD * shortest || (long) length * (end - start + 1) > MAX_RUN_TOKENS) {
                    break;
                }
                end++;
            }
            runs.add(new int[] {start, end});
            start = end;
        }
        float[][] out = new float[windows.size()][];
        if (parallelRuns == null || runs.size() == 1) {
            for (int[] range : runs) {
                runInto(windows, order, range, out);
            }
            return out;
        }
        // The longest runs first, so that no core is left with a long one at the end.
        List<Future<?>> pending = new ArrayList<>(runs.size());
        for (int r = runs.size() - 1; r >= 0; r--) {
            int[] range = runs.get(r);
            pending.add(parallelRuns.submit(() -> runInto(windows, order, range, out)));
        }
        for (Future<?> future : pending) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while embedding", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    /** Runs the sorted windows {@code order[range[0]..range[1])} in one ONNX run and puts their vectors in {@code out}. */
    private void runInto(List<long[]> windows, Integer[] order, int[] range, float[][] out) {
        List<long[]> run = new ArrayList<>(range[1] - range[0]);
        for (int i = range[0]; i < range[1]; i++) {
            run.add(windows.get(order[i]));
        }
        float[][] vectors = run(run);
        for (int i = range[0]; i < range[1]; i++) {
            out[order[i]] = vectors[i - range[0]];
        }
    }

    private float[][] run(List<long[]> windows) {
        int batch = windows.size();
        int length = windows.stream().mapToInt(w -> w.length).max().orElse(2);
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            long[] window = windows.get(b);
            System.arraycopy(window, 0, ids, b * length, window.length);
            Arrays.fill(mask, b * length, b * length + window.length, 1L);
        }
        long[] shape = {batch, length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = wantsTokenTypes
                     ? OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[batch * length]), shape) : null) {
            Map<String, OnnxTensor> inputs = wantsTokenTypes
                    ? Map.of(INPUT_IDS, idTensor, ATTENTION_MASK, maskTensor, TOKEN_TYPE_IDS, typeTensor)
                    : Map.of(INPUT_IDS, idTensor, ATTENTION_MASK, maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] pooled = new float[batch][];
                for (int b = 0; b < batch; b++) {
                    pooled[b] = pool(hidden[b], windows.get(b).length);
                    normalise(pooled[b]);
                }
                return pooled;
            }
        } catch (OrtException e) {
            throw new IllegalStateException(spec.name() + " failed on a batch of " + batch, e);
        }
    }

    private float[] pool(float[][] tokens, int realLength) {
        if (spec.pooling() == EncoderSpec.Pooling.CLS) {
            return tokens[0].clone();
        }
        float[] sum = new float[tokens[0].length];
        for (int t = 0; t < realLength; t++) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += tokens[t][d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= realLength;
        }
        return sum;
    }

    private static void normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int d = 0; d < vector.length; d++) {
                vector[d] /= (float) norm;
            }
        }
    }

    /**
     * @param text a text
     * @return how many model tokens it has (without special tokens or prefix)
     */
    public int tokenCount(String text) {
        return tokenizer.encode(text, false, false).getIds().length;
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("encoder resource " + name + " is not on the class path");
        }
        return in;
    }

    private static byte[] readResource(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    @Override
    public void close() {
        if (parallelRuns != null) {
            // Runs already inside ONNX Runtime finish before the session goes: freeing its memory under a running
            // call crashes the JVM. Queued runs are dropped.
            parallelRuns.shutdownNow();
            try {
                if (!parallelRuns.awaitTermination(5, TimeUnit.MINUTES)) {
                    throw new IllegalStateException(spec.name() + ": a run did not finish within 5 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while closing the encoder", e);
            }
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
    }
}
