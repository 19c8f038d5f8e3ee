package io.moderato.benchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * Load benchmark of {@code POST /v1alpha1/comments:analyze} against a running Moderato on this machine: N requests
 * from C concurrent clients (JDK HttpClient, keep-alive), after a warm-up; prints the latency percentiles and the
 * throughput. Bounded in count and time, and refuses any host but the loopback, so it cannot load someone else's
 * service. Run: {@code mvn test-compile exec:java@analyze-load -Dexec.args="--key <key>"} (see the README).
 */
@Command(name = "analyze-load", mixinStandardHelpOptions = true,
        description = "Load benchmark of comments:analyze against a Moderato on the loopback interface.")
public final class AnalyzeLoadBenchmark implements Callable<Integer> {

    @Option(names = "--url", description = "Base URL of the service (loopback only). Default: ${DEFAULT-VALUE}")
    String url = "http://127.0.0.1:8080";

    @Option(names = "--key", required = true, description = "An API key (sent as ?key=, as Perspective clients do).")
    String key;

    @Option(names = "--requests", description = "Measured requests, 1..100000. Default: ${DEFAULT-VALUE}")
    int requests = 2000;

    @Option(names = "--concurrency", description = "Concurrent clients, 1..64. Default: ${DEFAULT-VALUE}")
    int concurrency = 8;

    @Option(names = "--warmup", description = "Unmeasured requests first. Default: ${DEFAULT-VALUE}")
    int warmup = 300;

    @Option(names = "--max-seconds", description = "Stop after this long, whatever the count. Default: ${DEFAULT-VALUE}")
    int maxSeconds = 300;

    @Option(names = "--spans", description = "Ask for per-sentence spans (spanAnnotations).")
    boolean spans;

    /** Comments of the lengths readers write: one-liners, a paragraph, a long reply; civil and not. */
    private static final List<String> COMMENTS = List.of(
            "Thanks for the thorough reporting on the council budget.",
            "What kind of idiot name is foo? Sorry, I like your name.",
            "You are a pathetic idiot and a disgusting liar.",
            "The bus lanes on Mill Road look sensible to me, but the cycle path by the station is a mess and nobody "
                    + "seems to know who is responsible for fixing it. Maybe the council could answer that next week.",
            "I hope someone shuts you up for good.",
            "Great match last night. The referee was blind though, three penalties missed in the second half alone!",
            "I have lived in this town for forty years and I have never seen the high street this empty. Rents are "
                    + "too high, parking costs a fortune, and the new development on the old mill site will only make "
                    + "it worse. The councillors who voted for it should be ashamed. They don't listen to anyone. "
                    + "Absolute clowns, the lot of them, and I will be voting them out in May.",
            "lol");

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnalyzeLoadBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        URI base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            System.err.println("refused: " + url + " is not on the loopback interface");
            return 2;
        }
        if (requests < 1 || requests > 100_000 || concurrency < 1 || concurrency > 64 || warmup < 0 || warmup > 100_000) {
            System.err.println("refused: --requests must be 1..100000, --concurrency 1..64, --warmup 0..100000");
            return 2;
        }
        URI endpoint = URI.create(base + "/v1alpha1/comments:analyze?key=" + key);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpRequest> bodies = COMMENTS.stream().map(text -> HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body(text))).build()).toList();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        run(client, bodies, warmup, new long[Math.max(warmup, 1)], new ConcurrentHashMap<>(), deadline);
        long[] latencies = new long[requests];
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        int done = run(client, bodies, requests, latencies, statuses, deadline);
        double seconds = (System.nanoTime() - started) / 1e9;

        long[] measured = Arrays.copyOf(latencies, done);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "comments:analyze  %d requests, %d concurrent clients, %d warm-up, spans %s%n",
                done, concurrency, warmup, spans);
        System.out.printf(Locale.ROOT, "status            %s%n", new TreeMap<>(statuses));
        System.out.printf(Locale.ROOT, "throughput        %.0f requests/s over %.1f s%n", done / seconds, seconds);
        System.out.printf(Locale.ROOT, "latency (ms)      p50 %.1f   p95 %.1f   p99 %.1f   max %.1f%n",
                percentile(measured, 50), percentile(measured, 95), percentile(measured, 99),
                measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6);
        if (done < requests) {
            System.out.printf(Locale.ROOT, "stopped early     after %d s (--max-seconds)%n", maxSeconds);
        }
        return statuses.keySet().stream().allMatch(s -> s == 200) ? 0 : 1;
    }

    /** Sends {@code count} requests from {@link #concurrency} threads; returns how many completed before the deadline. */
    private int run(HttpClient client, List<HttpRequest> bodies, int count, long[] latencies,
                    Map<Integer, Integer> statuses, long deadline) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = client.send(bodies.get(i % bodies.size()), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies[completed.getAndIncrement()] = System.nanoTime() - start;
                    statuses.merge(status, 1, Integer::sum);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(maxSeconds + 60L, TimeUnit.SECONDS);
        return Math.min(completed.get(), count);
    }

    private String body(String text) {
        return "{\"comment\": {\"text\": \"" + text.replace("\"", "\\\"") + "\"}, \"languages\": [\"en\"], \"doNotStore\": true,"
                + " \"spanAnnotations\": " + spans + ", \"requestedAttributes\": {\"TOXICITY\": {}, \"SEVERE_TOXICITY\": {},"
                + " \"IDENTITY_ATTACK\": {}, \"INSULT\": {}, \"PROFANITY\": {}, \"THREAT\": {}, \"SEXUALLY_EXPLICIT\": {}}}";
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
