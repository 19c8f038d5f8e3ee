package io.moderato;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process), started from the Maven artifacts
 * {@code org.apache.kafka:kafka_2.13} as its own JVM on two free loopback ports and a fresh log directory, and
 * stopped (its directory deleted) by {@link #close()}. The broker's class path is resolved by Maven from
 * {@code src/test/kafka-broker/pom.xml}, once, into {@code target/kafka-broker/classpath.txt}, so its dependencies
 * never meet the service's. Also a small client: topics, a producer, reading a topic from the start.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Path BROKER_POM = Path.of("src/test/kafka-broker/pom.xml");
    private static final Path CLASSPATH_FILE = Path.of("target/kafka-broker/classpath.txt");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path directory;
    private final String bootstrapServers;

    private KafkaBroker(Process process, Path directory, String bootstrapServers) {
        this.process = process;
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker and waits until it answers.
     *
     * @param name a name for its directory under {@code target/kafka-broker/}
     * @return the running broker
     */
    public static KafkaBroker start(String name) throws IOException, InterruptedException {
        String classpath = classpath();
        Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target/kafka-broker").toAbsolutePath()), name + "-");
        int port = ServiceProcess.freePort();
        int controllerPort = ServiceProcess.freePort();
        Path properties = directory.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("logs"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                ""));
        Path log = directory.resolve("broker.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process format = new ProcessBuilder(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", properties.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("formatting the Kafka log directory failed; see " + log);
        }
        Process process = new ProcessBuilder(java, "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "kafka.Kafka", properties.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        KafkaBroker broker = new KafkaBroker(process, directory, "127.0.0.1:" + port);
        try {
            broker.awaitReady(log);
        } catch (RuntimeException | InterruptedException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** @return the broker's class path, resolved by Maven on first use */
    private static synchronized String classpath() throws IOException, InterruptedException {
        Path pom = BROKER_POM.toAbsolutePath();
        Path file = CLASSPATH_FILE.toAbsolutePath();
        if (!Files.isRegularFile(file) || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) < 0) {
            Files.createDirectories(file.getParent());
            String mavenHome = System.getProperty("maven.home");
            String mvn = mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
            Path log = file.resolveSibling("resolve.log");
            Process resolve = new ProcessBuilder(mvn, "-B", "-q", "-f", pom.toString(), "dependency:build-classpath",
                    "-Dmdep.outputFile=" + file)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!resolve.waitFor(5, TimeUnit.MINUTES) || resolve.exitValue() != 0) {
                resolve.destroyForcibly();
                Files.deleteIfExists(file);
                throw new IllegalStateException("resolving the Kafka broker's class path failed; see " + log);
            }
        }
        return Files.readString(file).strip();
    }

    private void awaitReady(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + "; see " + log);
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka broker did not answer within " + START_TIMEOUT + "; see " + log, e);
                }
                Thread.sleep(500);
            }
        }
    }

    /** @return {@code host:port} of the broker's client listener */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** @return an admin client (close it) */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /**
     * Creates topics (replication factor 1).
     *
     * @param partitions topic name → partitions
     */
    public void createTopics(Map<String, Integer> partitions) throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            admin.createTopics(partitions.entrySet().stream()
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1)).toList()).all().get();
        }
    }

    /** @return a producer of string keys and values, acknowledged by the broker (close it) */
    public KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    /**
     * Reads a topic from its start until the records read satisfy a condition, or the time is up.
     *
     * @param topic   the topic
     * @param until   checked after each poll with every record read so far
     * @param timeout the longest wait
     * @return every record read (whether or not the condition held: the caller asserts)
     */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<List<ConsumerRecord<String, String>>> until,
                                                     Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            do {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            } while (!until.test(records) && System.nanoTime() < deadline);
        }
        return records;
    }

    /** Stops the broker and deletes its directory. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
