package io.moderato.kafka;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The service with comments through Kafka enabled, against a real broker ({@link KafkaBrokerResource}). */
public class KafkaProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
