package io.moderato.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moderato.training.CorpusReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load benchmark of {@code POST /api/v1/classify} against a running Moderato on this machine: N requests from C
 * concurrent clients (JDK HttpClient, keep-alive, {@code Authorization: Bearer}), in {@code fast} or {@code full}
 * mode, after a warm-up; prints requests/s and the p50/p95/p99 latency. With {@code --batch-percent} a share of the
 * requests goes to {@code POST /api/v1/classify/batch} instead ({@code --batch-size} comments each), for a mixed load;
 * the two endpoints' latencies are reported apart.
 * <p>
 * Texts are the held-out corpus comments ({@code training-data/heldout.jsonl}: real lengths, civil and not), taken in
 * turn. So that the service's embedding cache (10,000 texts by default) cannot hide the encoder's cost, every text
 * sent is new by default ({@code --vary counter}): the comment followed by a space and a number unique to the request
 * (a random 7-digit base per run plus a counter: a few encoder tokens more on a comment of about 25). With
 * {@code --vary none} the corpus texts are sent as they are and repeat after one pass (measures the cache).
 * <p>
 * Bounded in count and time, and refuses any host but the loopback, so it cannot load someone else's service. Run:
 * {@code mvn test-compile exec:java@classify-load -Dexec.args="--key <key> --mode full"}.
 */
@Command(name = "classify-load", mixinStandardHelpOptions = true,
        description = "Load benchmark of /api/v1/classify against a Moderato on the loopback interface.")
public final class ClassifyLoadBenchmark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--url", description = "Base URL of the service (loopback only). Default: ${DEFAULT-VALUE}")
    String url = "http://127.0.0.1:8080";

    @Option(names = "--key", defaultValue = "${env:MODERATO_BOOTSTRAP_ADMIN_KEY}",
            description = "An API key, sent as Authorization: Bearer (default: env MODERATO_BOOTSTRAP_ADMIN_KEY).")
    String key;

    @Option(names = "--mode", description = "Scoring mode, fast or full. Default: ${DEFAULT-VALUE}")
    String mode = "full";

    @Option(names = "--requests", description = "Measured requests, 1..1000000. Default: ${DEFAULT-VALUE}")
    int requests = 2000;

    @Option(names = "--concurrency", description = "Concurrent clients, 1..64. Default: ${DEFAULT-VALUE}")
    int concurrency = 8;

    @Option(names = "--warmup", description = "Unmeasured requests first. Default: ${DEFAULT-VALUE}")
    int warmup = 300;

    @Option(names = "--max-seconds", description = "Stop measuring after this long, whatever the count (1..3600). Default: ${DEFAULT-VALUE}")
    int maxSeconds = 300;

    @Option(names = "--vary", description = "counter: make every text unique (defeats the embedding cache); none: corpus texts as they are. Default: ${DEFAULT-VALUE}")
    String vary = "counter";

    @Option(names = "--batch-percent", description = "Share of requests sent to /classify/batch, 0..100. Default: ${DEFAULT-VALUE}")
    int batchPercent = 0;

    @Option(names = "--batch-size", description = "Comments per batch request, 1..1000. Default: ${DEFAULT-VALUE}")
    int batchSize = 16;

    @Option(names = "--spans", description = "Ask batch requests for spans (single requests always carry them).")
    boolean spans;

    @Option(names = "--corpus", description = "Comment texts, a corpus file. Default: ${DEFAULT-VALUE}")
    Path corpus = Path.of("training-data/heldout.jsonl");

    private List<String> texts;
    private final AtomicLong sequence = new AtomicLong();
    private long base;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClassifyLoadBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        URI root = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (root.getHost() == null || !InetAddress.getByName(root.getHost()).isLoopbackAddress()) {
            System.err.println("refused: " + url + " is not on the loopback interface");
            return 2;
        }
        if (requests < 1 || requests > 1_000_000 || concurrency < 1 || concurrency > 64 || warmup < 0
                || warmup > 100_000 || maxSeconds < 1 || maxSeconds > 3600 || batchPercent < 0 || batchPercent > 100
                || batchSize < 1 || batchSize > 1000) {
            System.err.println("refused: --requests 1..1000000, --concurrency 1..64, --warmup 0..100000, "
                    + "--max-seconds 1..3600, --batch-percent 0..100, --batch-size 1..1000");
            return 2;
        }
        if (!mode.equals("fast") && !mode.equals("full")) {
            System.err.println("refused: --mode must be fast or full");
            return 2;
        }
        if (!vary.equals("counter") && !vary.equals("none")) {
            System.err.println("refused: --vary must be counter or none");
            return 2;
        }
        if (key == null || key.isBlank()) {
            System.err.println("No key: give --key or set MODERATO_BOOTSTRAP_ADMIN_KEY.");
            return 2;
        }
        texts = new CorpusReader().read(corpus).comments().stream().map(CorpusReader.CorpusComment::text).toList();
        base = 1_000_000 + new SecureRandom().nextInt(8_000_000);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI single = URI.create(root + "/api/v1/classify");
        URI batch = URI.create(root + "/api/v1/classify/batch");
        double meanChars = texts.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(Locale.ROOT, "classify  mode %s, %d clients, %d requests after %d warm-up (at most %d s), "
                        + "batch %d%% of %d, texts %s (%d, mean %.0f characters), vary %s%n",
                mode, concurrency, requests, warmup, maxSeconds, batchPercent, batchSize, corpus, texts.size(),
                meanChars, vary);

        Run warm = run(client, single, batch, warmup, System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds));
        if (warm.failed() > 0) {
            System.out.printf(Locale.ROOT, "warm-up           %d failed: %s%n", warm.failed(), new TreeMap<>(warm.statuses()));
        }
        Run measured = run(client, single, batch, requests, System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds));
        double seconds = measured.nanos() / 1e9;
        int done = measured.singleCount() + measured.batchCount();
        System.out.printf(Locale.ROOT, "status            %s; answered mode %s%n", new TreeMap<>(measured.statuses()),
                new TreeMap<>(measured.modes()));
        System.out.printf(Locale.ROOT, "throughput        %.1f requests/s (%d requests, %.1f comments/s) over %.1f s%n",
                done / seconds, done, measured.comments() / seconds, seconds);
        report("classify", measured.single(), measured.singleCount());
        if (measured.batchCount() > 0) {
            report("classify/batch", measured.batch(), measured.batchCount());
        }
        if (done < requests) {
            System.out.printf(Locale.ROOT, "stopped           after %d s (--max-seconds)%n", maxSeconds);
        }
        boolean allOk = measured.statuses().keySet().stream().allMatch(s -> s == 200);
        boolean modeOk = measured.modes().keySet().stream().allMatch(mode::equals);
        if (!modeOk) {
            System.out.println("WARNING: the service answered in another mode than asked for");
        }
        return allOk && modeOk ? 0 : 1;
    }

    private void report(String name, long[] latencies, int count) {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-17s %d requests; latency (ms) p50 %.1f   p95 %.1f   p99 %.1f   max %.1f%n",
                name, count, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private record Run(long[] single, int singleCount, long[] batch, int batchCount, long nanos, long comments,
                       Map<Integer, Integer> statuses, Map<String, Integer> modes) {
        int failed() {
            return statuses.entrySet().stream().filter(e -> e.getKey() != 200).mapToInt(Map.Entry::getValue).sum();
        }
    }

    /** Sends {@code count} requests from {@link #concurrency} threads, until done or the deadline. */
    private Run run(HttpClient client, URI single, URI batch, int count, long deadline) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger singles = new AtomicInteger();
        AtomicInteger batches = new AtomicInteger();
        AtomicLong comments = new AtomicLong();
        long[] singleLatencies = new long[Math.max(count, 1)];
        long[] batchLatencies = new long[Math.max(count, 1)];
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> modes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                    // Spread the batch requests evenly: request i is a batch when its slot of 100 says so.
                    boolean isBatch = batchPercent > 0 && (i % 100) < batchPercent;
                    int n = isBatch ? batchSize : 1;
                    HttpRequest request = HttpRequest.newBuilder(isBatch ? batch : single)
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(isBatch ? batchBody(n) : singleBody())).build();
                    long start = System.nanoTime();
                    int status;
                    String answered = "?";
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        if (status == 200) {
                            answered = JSON.readTree(response.body()).path("mode").asText("?");
                        }
                    } catch (Exception e) {
                        status = -1;
                    }
                    long elapsed = System.nanoTime() - start;
                    if (isBatch) {
                        batchLatencies[batches.getAndIncrement()] = elapsed;
                    } else {
                        singleLatencies[singles.getAndIncrement()] = elapsed;
                    }
                    comments.addAndGet(status == 200 ? n : 0);
                    statuses.merge(status, 1, Integer::sum);
                    modes.merge(answered, 1, Integer::sum);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(maxSeconds + 120L, TimeUnit.SECONDS);
        long nanos = System.nanoTime() - started;
        return new Run(singleLatencies, singles.get(), batchLatencies, batches.get(), nanos, comments.get(), statuses, modes);
    }

    private String nextText() {
        long n = sequence.getAndIncrement();
        String text = texts.get((int) (n % texts.size()));
        return vary.equals("counter") ? text + " " + (base + n) : text;
    }

    private String singleBody() {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", nextText());
        body.put("mode", mode);
        return body.toString();
    }

    private String batchBody(int n) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (int i = 0; i < n; i++) {
            items.addObject().put("id", "c" + i).put("text", nextText());
        }
        body.put("mode", mode);
        body.put("spans", spans);
        return body.toString();
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
