package io.moderato.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.KafkaBroker;
import io.moderato.ReplicaCluster;
import io.moderato.ServiceClient;
import io.moderato.training.CorpusReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Comments through Kafka, end to end: starts a real broker and R replicas of the packaged PostgreSQL build (as in
 * {@code KafkaClusterIT}), then for each replica count prints (1) throughput: N comments produced at once, comments
 * per second from the first send until the last one's {@code comment.received} event is on the decisions topic;
 * (2) latency: comments produced at a steady rate below that, time from each send to its decision event, p50 and
 * p99. Each replica count runs on fresh topics and a fresh schema of the given (scratch) database.
 */
@Command(name = "kafka-load", mixinStandardHelpOptions = true,
        description = "Stream comments through Kafka into 1 and 3 replicas; print comments/s and produce-to-decision latency.")
public final class KafkaStreamBenchmark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_KEY = "kafka-benchmark-admin-key-0123456789";

    @Option(names = "--app", defaultValue = "target/postgresql-app/quarkus-run.jar",
            description = "The packaged PostgreSQL build (default: ${DEFAULT-VALUE}).")
    Path app;

    @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/moderato_bench",
            description = "A scratch PostgreSQL database: its schema is dropped and rebuilt (default: ${DEFAULT-VALUE}).")
    String pgUrl;

    @Option(names = "--replicas", split = ",", defaultValue = "1,3", description = "Replica counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> replicas;

    @Option(names = "--comments", defaultValue = "5000", description = "Comments of the throughput run (default: ${DEFAULT-VALUE}).")
    int comments;

    @Option(names = "--warmup", defaultValue = "1000", description = "Comments streamed first, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rate", defaultValue = "20", description = "Comments per second of the latency run (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "20", description = "Length of the latency run (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--mode", defaultValue = "fast", description = "Classification mode of the replicas: fast or full (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--corpus", defaultValue = "training-data/heldout.jsonl", description = "Comment texts (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Override
    public Integer call() throws Exception {
        List<String> texts = new CorpusReader().read(corpus).comments().stream().map(CorpusReader.CorpusComment::text).toList();
        try (KafkaBroker broker = KafkaBroker.start("benchmark")) {
            for (int count : replicas) {
                measure(broker, count, texts);
            }
        }
        return 0;
    }

    private void measure(KafkaBroker broker, int count, List<String> texts) throws Exception {
        String run = "r" + count + "-" + UUID.randomUUID().toString().substring(0, 6);
        String commentsTopic = "bench.comments." + run;
        String decisionsTopic = "bench.decisions." + run;
        broker.createTopics(Map.of(commentsTopic, 6, decisionsTopic, 3, "bench.dlq." + run, 1));
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", pgUrl);
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_DATASOURCE_PASSWORD", "");
        environment.put("MODERATO_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        environment.put("MODERATO_CLASSIFICATION_MODE", mode);
        if (mode.equals("fast")) {
            environment.put("MODERATO_CLASSIFICATION_ENCODER", "none");
        }
        environment.put("MODERATO_KAFKA_ENABLED", "true");
        environment.put("MODERATO_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("MODERATO_KAFKA_COMMENTS_TOPIC", commentsTopic);
        environment.put("MODERATO_KAFKA_DECISIONS_TOPIC", decisionsTopic);
        environment.put("MODERATO_KAFKA_DEAD_LETTER_TOPIC", "bench.dlq." + run);
        environment.put("MODERATO_KAFKA_GROUP_ID", "bench-" + run);
        Path directory = Path.of("target", "kafka-benchmark", run).toAbsolutePath();
        try (ReplicaCluster cluster = ReplicaCluster.start(app, count, directory, environment,
                Map.of("QUARKUS_FLYWAY_CLEAN_AT_START", "true", "QUARKUS_FLYWAY_CLEAN_DISABLED", "false"));
             DecisionWatcher decisions = new DecisionWatcher(broker, decisionsTopic);
             KafkaProducer<String, String> producer = broker.producer()) {
            String site = "bench-" + run;
            long start = System.nanoTime();
            send(producer, commentsTopic, site, "w", warmup, texts, 0);
            decisions.await(site, "w", warmup, Duration.ofMinutes(5));
            System.out.printf("%d replica(s): warm-up of %d comments in %.1f s%n", count, warmup, (System.nanoTime() - start) / 1e9);

            start = System.nanoTime();
            send(producer, commentsTopic, site, "t", comments, texts, 0);
            long last = decisions.await(site, "t", comments, Duration.ofMinutes(10));
            double seconds = (last - start) / 1e9;
            System.out.printf("%d replica(s): %d comments through Kafka in %.1f s: %.0f comments/s%n",
                    count, comments, seconds, comments / seconds);

            int paced = rate * latencySeconds;
            Map<String, Long> sentAt = send(producer, commentsTopic, site, "l", paced, texts, rate);
            decisions.await(site, "l", paced, Duration.ofMinutes(5));
            long[] latencies = sentAt.entrySet().stream()
                    .mapToLong(e -> decisions.receivedAt(site + "/" + e.getKey()) - e.getValue()).sorted().toArray();
            System.out.printf("%d replica(s): produce to decision event at %d comments/s (%d comments): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    count, rate, paced, percentile(latencies, 50), percentile(latencies, 99), latencies[latencies.length - 1] / 1e6);
        }
    }

    /** Sends comments {@code prefix0..}; at a steady rate when rate > 0, else at once. @return send time per id */
    private static Map<String, Long> send(KafkaProducer<String, String> producer, String topic, String site, String prefix,
                                          int count, List<String> texts, int rate) throws Exception {
        Map<String, Long> sentAt = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            String id = prefix + i;
            String article = "a" + (i % 40);
            Map<String, Object> comment = ServiceClient.comment(site, id, article, "u" + (i % 300), texts.get(i % texts.size()));
            sentAt.put(id, System.nanoTime());
            producer.send(new ProducerRecord<>(topic, site + "/" + article, JSON.writeValueAsString(comment)));
            if (rate > 0) {
                producer.flush();
            }
        }
        producer.flush();
        return sentAt;
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** Reads the decisions topic in the background and notes when each comment's first event arrived. */
    private static final class DecisionWatcher implements AutoCloseable {

        private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        private final Thread reader;
        private volatile boolean open = true;

        DecisionWatcher(KafkaBroker broker, String topic) {
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            reader = new Thread(() -> {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    while (open) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                            long now = System.nanoTime();
                            JsonNode event = JSON.readTree(record.value());
                            if (event.path("type").asText().equals("comment.received")) {
                                receivedAt.putIfAbsent(event.path("siteId").asText() + "/" + event.path("commentId").asText(), now);
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "decision-watcher");
            reader.start();
        }

        /** Waits until comments {@code prefix0..count-1} have their decision events. @return when the last arrived */
        long await(String site, String prefix, int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < count; i++) {
                while (!receivedAt.containsKey(site + "/" + prefix + i)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no decision event for " + prefix + i + " within " + timeout);
                    }
                    Thread.sleep(20);
                }
            }
            return IntStream.range(0, count).mapToLong(i -> receivedAt.get(site + "/" + prefix + i)).max().orElse(0);
        }

        long receivedAt(String key) {
            return receivedAt.get(key);
        }

        @Override
        public void close() throws InterruptedException {
            open = false;
            reader.join(5_000);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new KafkaStreamBenchmark()).execute(args));
    }
}
