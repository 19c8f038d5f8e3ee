package io.moderato.kafka.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.comment.CommentStatusChanged;
import io.moderato.comment.service.CommentService;
import io.moderato.kafka.config.KafkaConfig;
import io.moderato.kafka.repository.DecisionOutboxEntity;
import io.moderato.kafka.repository.DecisionOutboxRepository;
import io.moderato.webhook.WebhookEvent;
import io.moderato.webhook.WebhookEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes every status change as decision events (the webhook events: received, queued, unqueued, decided) to the
 * outbox, in the very transaction that changed the comment: a committed change is always published, a rolled-back
 * one never is. {@link DecisionRelay} publishes them.
 */
@ApplicationScoped
public class DecisionOutbox {

    private final DecisionOutboxRepository outbox;
    private final ObjectMapper json;
    private final boolean enabled;

    public DecisionOutbox(DecisionOutboxRepository outbox, ObjectMapper json, KafkaConfig config) {
        this.outbox = outbox;
        this.json = json;
        this.enabled = config.enabled();
    }

    /**
     * @param siteId    the site
     * @param commentId the site's comment id
     * @return the key of the comment's decision records: one comment's events land on one partition, in order
     */
    public static String recordKey(String siteId, String commentId) {
        return siteId + "/" + commentId;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onStatusChanged(@Observes(during = TransactionPhase.IN_PROGRESS) CommentStatusChanged change) {
        if (!enabled) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (WebhookEventType type : WebhookEventType.of(change, CommentService.MACHINE)) {
            DecisionOutboxEntity event = new DecisionOutboxEntity();
            event.recordKey = recordKey(change.siteId(), change.commentId());
            event.payload = write(WebhookEvent.of(change, type));
            event.createdAt = now;
            outbox.persist(event);
        }
    }

    private String write(WebhookEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
