package io.moderato.benchmark;

import io.moderato.TestModels;
import io.moderato.classification.Classification;
import io.moderato.classification.ScoringMode;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import io.moderato.embedding.Embedder;
import io.moderato.embedding.EncoderIdentity;
import io.moderato.embedding.EncoderSpec;
import io.moderato.embedding.SentenceEncoder;
import io.moderato.training.CorpusReader;
import io.moderato.training.LabelledText;
import io.moderato.training.datasets.JigsawToxicComments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Comments per second through the classifier, over real comment texts: the held-out corpus
 * ({@code training-data/heldout.jsonl}, news comments, mean about 90 characters) and, for the fast mode when present,
 * the Jigsaw sample from {@code ../shared/datasets} (Wikipedia talk comments, longer). Every score is in comments/s.
 * <ul>
 *   <li>{@link #fast}: the word model alone ({@link ScoringMode#FAST}), one comment per call, one thread: the
 *       figure to compare with the code before the sentence encoder.</li>
 *   <li>{@link #fullSingle}: both families ({@link ScoringMode#FULL}), one comment per call from one thread; the
 *       encoder runs with {@code encoderThreads} ONNX Runtime threads (1: one core; 2: as the service runs it on two
 *       cores, {@code moderato.classification.encoder-threads=0}).</li>
 *   <li>{@link #fullBatched}: both families, {@code classifyAll} of 64 comments per call (one encoder call for all
 *       64, as the service's micro-batcher does with concurrent requests), encoder on 2 threads: batched
 *       throughput on two cores; over all held-out comments and over those of 100 to 140 characters, the length
 *       the throughput target is stated for.</li>
 * </ul>
 * The full-mode benchmarks give the classifier the raw {@link SentenceEncoder}, with no embedding cache and no
 * batcher in between, behind a counter: each trial prints how many texts the encoder embedded, which equals the
 * number of comments scored, so no figure comes from a cache. Run: {@code mvn test-compile exec:exec@benchmark
 * -Dbenchmark=ClassificationBenchmark} (or {@code ...ClassificationBenchmark.fast}, {@code .full}); needs the test
 * bundle, which {@link TestModels#full()} trains into {@code target/test-data} when it is missing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ClassificationBenchmark {

    /** Comments per {@code classifyAll} call in {@link #fullBatched}. */
    public static final int BATCH = 64;

    /** The word model alone, over the held-out corpus or the Jigsaw sample. */
    @State(Scope.Benchmark)
    public static class Fast {

        /** Which texts to score. */
        @Param({"corpus", "jigsaw"})
        public String texts;

        TextClassifier classifier;
        List<String> comments;
        int next;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            // No embedder: the classifier cannot run the encoder, whatever mode is asked for.
            classifier = new TextClassifier(TestModels.full(), ScoringSettings.DEFAULT, null);
            Path jigsaw = Path.of("../shared/datasets/jigsaw_toxic_train_prefix_sample/train.csv.gz");
            if (texts.equals("jigsaw") && Files.exists(jigsaw)) {
                comments = new JigsawToxicComments().read(jigsaw).stream().map(LabelledText::text).toList();
            } else {
                comments = heldOut();
            }
            boolean otherCorpus = !texts.equals("jigsaw") || !Files.exists(jigsaw);
            describe(texts + (otherCorpus && System.getenv(CORPUS_ENV) != null ? " (" + System.getenv(CORPUS_ENV) + ")" : ""),
                    comments);
        }
    }

    /** Both families through the raw encoder (no cache, no batcher) behind a counter. */
    public abstract static class FullBase {

        TextClassifier classifier;
        CountingEmbedder counter;
        SentenceEncoder encoder;
        List<String> comments;
        int next;
        long scored;

        void open(int threads, int minChars, int maxChars) throws IOException {
            encoder = new SentenceEncoder(EncoderSpec.E5_SMALL_V2_Q, threads);
            counter = new CountingEmbedder(encoder);
            classifier = new TextClassifier(TestModels.full(), ScoringSettings.DEFAULT, counter);
            if (classifier.effectiveMode(ScoringMode.FULL) != ScoringMode.FULL) {
                throw new IllegalStateException("the test bundle has no encoder family: full mode would be fast mode");
            }
            comments = heldOut().stream().filter(text -> text.length() >= minChars && text.length() <= maxChars).toList();
            describe("corpus" + (minChars > 0 || maxChars < Integer.MAX_VALUE
                    ? " comments of " + minChars + "-" + (maxChars == Integer.MAX_VALUE ? "" : maxChars) + " characters" : "")
                    + ", encoder threads " + threads, comments);
        }

        void close() {
            System.out.printf(Locale.ROOT, "%ncomments scored %d, texts embedded by the encoder %d (%s)%n", scored,
                    counter.texts.get(), scored == counter.texts.get() ? "every comment ran the encoder: no cache"
                            : "MISMATCH");
            encoder.close();
        }
    }

    /** Full mode, one comment per call, the encoder on {@code encoderThreads} ONNX Runtime threads. */
    @State(Scope.Benchmark)
    public static class Full extends FullBase {

        /** ONNX Runtime intra-op threads of the encoder. */
        @Param({"1", "2"})
        public int encoderThreads;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            open(encoderThreads, 0, Integer.MAX_VALUE);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    /** Full mode on two cores (encoder on 2 ONNX Runtime threads), 64 comments per call. */
    @State(Scope.Benchmark)
    public static class FullBatched extends FullBase {

        /**
         * Lengths of the held-out comments taken, in characters: {@code all} (mean about 120, but half of them
         * short replies), or a band {@code min-max}. The throughput target is stated for comments of about 120
         * characters: {@code 100-140}. (Since the corpus has parts of long news comments, "75 characters or more"
         * means a mean of about 165.)
         */
        @Param({"all", "100-140"})
        public String length;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            if (length.equals("all")) {
                open(2, 0, Integer.MAX_VALUE);
            } else {
                String[] band = length.split("-", 2);
                open(2, Integer.parseInt(band[0].strip()), Integer.parseInt(band[1].strip()));
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    /** One comment, word model alone, fully classified (spans, sentences, topics). */
    @Benchmark
    public Classification fast(Fast state) {
        String text = state.comments.get(state.next);
        state.next = state.next + 1 == state.comments.size() ? 0 : state.next + 1;
        return state.classifier.classify(text, null, ScoringMode.FAST);
    }

    /** One comment, both families, fully classified. */
    @Benchmark
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 4, time = 5)
    public Classification fullSingle(Full state) {
        String text = state.comments.get(state.next);
        state.next = state.next + 1 == state.comments.size() ? 0 : state.next + 1;
        state.scored++;
        return state.classifier.classify(text, null, ScoringMode.FULL);
    }

    /** 64 comments in one {@code classifyAll} (one encoder call), both families, spans included; score is comments/s. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 4, time = 5)
    public List<Classification> fullBatched(FullBatched state) {
        List<String> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(state.comments.get(state.next));
            state.next = state.next + 1 == state.comments.size() ? 0 : state.next + 1;
        }
        state.scored += BATCH;
        return state.classifier.classifyAll(batch, null, ScoringMode.FULL, true);
    }

    /**
     * @return the held-out corpus comments; environment variable {@value #CORPUS_ENV} names another corpus file (the
     *         forked benchmark JVM inherits Maven's environment), e.g. a fixed copy for before/after comparisons
     */
    static List<String> heldOut() throws IOException {
        String file = System.getenv(CORPUS_ENV);
        Path path = file == null || file.isBlank() ? TestModels.CORPUS_DIR.resolve(CorpusReader.HELD_OUT_FILE) : Path.of(file);
        return new CorpusReader().read(path).comments().stream().map(CorpusReader.CorpusComment::text).toList();
    }

    /** Environment variable naming the corpus file to read instead of {@code training-data/heldout.jsonl}. */
    public static final String CORPUS_ENV = "MODERATO_BENCH_CORPUS";

    static void describe(String name, List<String> comments) {
        double meanChars = comments.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(Locale.ROOT, "%n%s: %d comments, mean %.0f characters%n", name, comments.size(), meanChars);
    }

    /** The encoder behind a count of the texts it embedded (no cache, no batching). */
    static final class CountingEmbedder implements Embedder {
        private final Embedder encoder;
        final AtomicLong texts = new AtomicLong();

        CountingEmbedder(Embedder encoder) {
            this.encoder = encoder;
        }

        @Override
        public EncoderIdentity identity() {
            return encoder.identity();
        }

        @Override
        public float[][] embedAll(List<String> batch) {
            texts.addAndGet(batch.size());
            return encoder.embedAll(batch);
        }
    }
}
