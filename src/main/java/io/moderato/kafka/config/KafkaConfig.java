package io.moderato.kafka.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Comments through Kafka. The Kafka clients themselves are configured with {@code kafka.*} keys (passed to every
 * client as they are: {@code kafka.security.protocol}, {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config},
 * ...); {@code application.properties} wires the channels to the keys below.
 */
@ConfigMapping(prefix = "moderato.kafka")
public interface KafkaConfig {

    /** Consume comments from Kafka and publish decision events to it; when false no Kafka client starts. */
    @WithDefault("false")
    boolean enabled();

    /** The brokers, {@code host:port} comma-separated (also {@code KAFKA_BOOTSTRAP_SERVERS}). */
    @WithDefault("localhost:9092")
    String bootstrapServers();

    /** Topic of incoming comments: the JSON of {@code POST /api/v1/comments}, keyed by site and article. */
    @WithDefault("moderato.comments")
    String commentsTopic();

    /** Topic the decision and status-change events are published to, in the webhook event shape. */
    @WithDefault("moderato.decisions")
    String decisionsTopic();

    /** Topic malformed comments go to, with the reason in the {@code dead-letter-reason} header. */
    @WithDefault("moderato.comments.dlq")
    String deadLetterTopic();

    /** Consumer group of the replicas: each comment partition is read by one replica of the group at a time. */
    @WithDefault("moderato")
    String groupId();

    /** Actor recorded in the audit log for comments that came through Kafka. */
    @WithDefault("kafka")
    String actor();

    /**
     * Kafka consumers per replica, each reading its own partitions and ingesting their records one at a time, in
     * order; the comments topic needs at least replicas × consumers partitions for all of them to work.
     */
    @WithDefault("4")
    int consumers();

    /**
     * Most records one poll fetches; the consumer pauses while twice this many wait to be processed, so a slow
     * database slows consumption instead of filling the heap.
     */
    @WithDefault("100")
    int maxPollRecords();

    /**
     * How long the consumer group waits for a replica that stopped answering (killed, cut off) before its partitions
     * go to the other replicas, in milliseconds (the consumer's {@code session.timeout.ms}).
     */
    @WithDefault("10000")
    int sessionTimeoutMs();

    /** Wait before a comment whose ingest failed for a passing reason (database down, no model yet) is tried again. */
    @WithDefault("PT1S")
    Duration retryDelay();

    /**
     * How often the relay looks for decision events to publish even when no commit woke it (events another replica
     * left behind when it died, or a failed run's).
     */
    @WithDefault("PT1S")
    Duration relayInterval();

    /** Most decision events one relay run publishes (in one database transaction). */
    @WithDefault("200")
    int relayBatchSize();

    /** Longest wait for the brokers to acknowledge a relay run's events; after it they are sent again later. */
    @WithDefault("PT30S")
    Duration relayTimeout();
}
