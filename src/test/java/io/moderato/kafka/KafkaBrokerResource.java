package io.moderato.kafka;

import io.moderato.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a real Kafka broker ({@link KafkaBroker}, its own process) for the tests of {@link KafkaProfile}, creates
 * the topics and points the service at it; stops it after them.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /** Topic names the test profile uses (the defaults). */
    public static final String COMMENTS = "moderato.comments";
    public static final String DECISIONS = "moderato.decisions";
    public static final String DEAD_LETTERS = "moderato.comments.dlq";

    private static volatile KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = KafkaBroker.start("quarkus-test");
            broker.createTopics(Map.of(COMMENTS, 3, DECISIONS, 3, DEAD_LETTERS, 1));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Kafka broker", e);
        }
        return Map.of("moderato.kafka.enabled", "true",
                "moderato.kafka.bootstrap-servers", broker.bootstrapServers());
    }

    /** @return the running broker, for the tests' own producers and readers */
    public static KafkaBroker broker() {
        return broker;
    }

    @Override
    public void stop() {
        if (broker != null) {
            try {
                broker.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            broker = null;
        }
    }
}
