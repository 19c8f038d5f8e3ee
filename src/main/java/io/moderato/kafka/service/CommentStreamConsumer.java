package io.moderato.kafka.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.classification.config.ClassificationConfig;
import io.moderato.comment.rest.IngestRequest;
import io.moderato.comment.service.CommentService;
import io.moderato.comment.service.IngestCommand;
import io.moderato.kafka.config.KafkaConfig;
import io.moderato.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Ingests the comments of the comments topic through the same service as {@code POST /api/v1/comments}, one record
 * at a time in partition order. A record is acknowledged only after its transaction committed, and the connector
 * commits an offset only once every record before it is acknowledged: at-least-once, and the idempotent ingest
 * (on site and comment id) stores a redelivered comment once. A malformed record is nacked, which sends it to the
 * dead-letter topic with the reason and moves on; a passing failure (database down, no model live yet) is retried
 * until it succeeds, which holds the partition back rather than losing the comment.
 */
@ApplicationScoped
public class CommentStreamConsumer {

    private static final Logger LOG = Logger.getLogger(CommentStreamConsumer.class);

    private final CommentService comments;
    private final ObjectMapper json;
    private final KafkaConfig config;
    private final int maxTextLength;
    private volatile boolean stopping;

    public CommentStreamConsumer(CommentService comments, ObjectMapper json, KafkaConfig config,
                                 ClassificationConfig classification) {
        this.comments = comments;
        this.json = json;
        this.config = config;
        this.maxTextLength = classification.maxTextLength();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * @param record a comment record
     * @return completes when the record is acknowledged (stored) or dead-lettered
     */
    @Incoming("comments")
    @Blocking
    public CompletionStage<Void> consume(Message<String> record) {
        IngestCommand command;
        try {
            command = read(record.getPayload());
        } catch (MalformedCommentException e) {
            LOG.debugf("comment record sent to the dead-letter topic: %s", e.getMessage());
            return record.nack(e);
        }
        while (true) {
            try {
                comments.ingest(command, config.actor());
                return record.ack();
            } catch (ProblemException e) {
                if (e.status() >= 400 && e.status() < 500) {
                    return record.nack(new MalformedCommentException(reason(e)));
                }
                if (!waitToRetry(command, e)) {
                    return CompletableFuture.completedFuture(null);
                }
            } catch (RuntimeException e) {
                if (!waitToRetry(command, e)) {
                    return CompletableFuture.completedFuture(null);
                }
            }
        }
    }

    /**
     * @param value a record's value
     * @return the checked comment
     * @throws MalformedCommentException when it is not a valid comment
     */
    IngestCommand read(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedCommentException("body: is required");
        }
        IngestRequest request;
        try {
            request = json.readValue(value, IngestRequest.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(p -> p.getFieldName() != null ? p.getFieldName() : "[" + p.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new MalformedCommentException((field.isEmpty() ? "body" : field) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new MalformedCommentException("body: not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        try {
            return IngestRequest.check(request, maxTextLength);
        } catch (ProblemException e) {
            throw new MalformedCommentException(reason(e));
        }
    }

    private static String reason(ProblemException e) {
        return e.errors().isEmpty() ? e.getMessage()
                : e.errors().stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
    }

    /** @return false when the service is stopping: the record stays unacknowledged and comes again after restart */
    private boolean waitToRetry(IngestCommand command, RuntimeException failure) {
        if (stopping) {
            return false;
        }
        LOG.warnf("ingest of comment %s/%s from Kafka failed (%s); trying again in %s", command.siteId(), command.id(),
                failure.toString(), config.retryDelay());
        try {
            Thread.sleep(config.retryDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopping;
    }
}
