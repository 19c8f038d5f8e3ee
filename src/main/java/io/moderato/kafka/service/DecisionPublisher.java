package io.moderato.kafka.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.concurrent.CompletableFuture;

/**
 * Sends decision events to the decisions topic. A bean of its own so that the emitter is only looked up once the
 * relay runs (after start-up, and only with Kafka enabled: the channel is disabled otherwise).
 */
@ApplicationScoped
public class DecisionPublisher {

    private final MutinyEmitter<String> decisions;

    public DecisionPublisher(@Channel("decisions") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1000)
                             MutinyEmitter<String> decisions) {
        this.decisions = decisions;
    }

    /**
     * @param key     the record key
     * @param payload the event's JSON
     * @return completes when the brokers acknowledged the record, or failed
     */
    public CompletableFuture<Void> publish(String key, String payload) {
        return decisions.sendMessage(Message.of(payload)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()))
                .subscribeAsCompletionStage();
    }
}
