package io.moderato.benchmark;

import io.moderato.ServiceClient;
import io.moderato.training.CorpusReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end ingest throughput of a running Moderato: C concurrent clients post N new comments (real texts from the
 * held-out corpus, unique ids, a few hundred authors on a few dozen articles, so the author-history and repeat-post
 * checks read real rows) and it prints comments per second and the p50/p99 latency of {@code POST /api/v1/comments}.
 * Every comment goes through authentication, classification, the site's policy and a committed transaction.
 * Loopback only: it refuses any other address. See the README's "Benchmarks" section.
 */
@Command(name = "ingest-load", mixinStandardHelpOptions = true,
        description = "Post comments to a running Moderato from concurrent clients; print comments/s and latency.")
public final class IngestLoadBenchmark implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:18082", description = "Service address, loopback only (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--admin-key", defaultValue = "${env:MODERATO_BOOTSTRAP_ADMIN_KEY}",
            description = "An admin key, to create the benchmark's client key (default: env MODERATO_BOOTSTRAP_ADMIN_KEY).")
    String adminKey;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--comments", defaultValue = "3000", description = "Comments to post, measured (default: ${DEFAULT-VALUE}).")
    int comments;

    @Option(names = "--warmup", defaultValue = "500", description = "Comments posted first, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--max-seconds", defaultValue = "120", description = "Stop measuring after this long (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Option(names = "--authors", defaultValue = "300", description = "Distinct authors (default: ${DEFAULT-VALUE}).")
    int authors;

    @Option(names = "--corpus", defaultValue = "training-data/heldout.jsonl", description = "Comment texts, a corpus file (default: ${DEFAULT-VALUE}).")
    Path corpus;

    private final AtomicLong sequence = new AtomicLong();

    @Override
    public Integer call() throws Exception {
        if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            System.err.println("Refusing " + url + ": the benchmark only talks to a service on this machine.");
            return 2;
        }
        if (adminKey == null || adminKey.isBlank()) {
            System.err.println("No admin key: give --admin-key or set MODERATO_BOOTSTRAP_ADMIN_KEY.");
            return 2;
        }
        List<String> texts = new CorpusReader().read(corpus).comments().stream().map(CorpusReader.CorpusComment::text).toList();
        ServiceClient client = new ServiceClient(url);
        String key = client.createKey(adminKey, "client", "ingest-load-benchmark", 10_000_000);
        String site = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("Posting to %s, site %s: %d clients, %d comments after %d warm-up, %d texts%n",
                url, site, clients, comments, warmup, texts.size());

        run(client, key, site, texts, warmup, Long.MAX_VALUE);
        Run measured = run(client, key, site, texts, comments, System.nanoTime() + maxSeconds * 1_000_000_000L);

        long[] latencies = measured.latencies();
        Arrays.sort(latencies);
        double seconds = measured.elapsedNanos() / 1e9;
        System.out.printf("%d comments in %.1f s: %.1f comments/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d failed%n",
                latencies.length, seconds, latencies.length / seconds, percentile(latencies, 50), percentile(latencies, 90),
                percentile(latencies, 99), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, measured.failures());
        return measured.failures() == 0 ? 0 : 1;
    }

    private record Run(long[] latencies, long elapsedNanos, int failures) {
    }

    private Run run(ServiceClient client, String key, String site, List<String> texts, int count, long deadline) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (next.getAndIncrement() < count && System.nanoTime() < deadline) {
                    long n = sequence.getAndIncrement();
                    var comment = ServiceClient.comment(site, "c-" + n, "article-" + (n % 40), "author-" + (n * 7919 % authors),
                            texts.get((int) (n % texts.size())));
                    long sent = System.nanoTime();
                    HttpResponse<String> response = client.ingest(key, comment);
                    latencies.add(System.nanoTime() - sent);
                    if (response.statusCode() != 201) {
                        if (failures.incrementAndGet() <= 5) {
                            System.err.println("c-" + n + ": " + response.statusCode() + " " + response.body());
                        }
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Run(all.stream().mapToLong(Long::longValue).toArray(), elapsed, failures.get());
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** @param args command-line options, see {@code --help} */
    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestLoadBenchmark()).execute(args));
    }
}
