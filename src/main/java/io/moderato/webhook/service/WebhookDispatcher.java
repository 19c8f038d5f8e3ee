package io.moderato.webhook.service;

import io.moderato.webhook.RetrySchedule;
import io.moderato.webhook.WebhookSignature;
import io.moderato.webhook.config.WebhookConfig;
import io.moderato.webhook.repository.DeliveryStatus;
import io.moderato.webhook.repository.WebhookDeliveryEntity;
import io.moderato.webhook.repository.WebhookDeliveryRepository;
import io.moderato.webhook.repository.WebhookEndpointEntity;
import io.moderato.webhook.repository.WebhookEndpointRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due deliveries. Each run claims up to a batch of rows (one conditional UPDATE per row, so several service
 * instances never send the same delivery at once), signs and POSTs them in parallel, then records each outcome:
 * 2xx is delivered; anything else is tried again after the retry schedule's delay, until the last attempt.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** Headers sent with every delivery. */
    public static final String ID_HEADER = "Moderato-Webhook-Id";
    /** The signed timestamp, unix seconds. */
    public static final String TIMESTAMP_HEADER = "Moderato-Webhook-Timestamp";
    /** The event type. */
    public static final String EVENT_HEADER = "Moderato-Webhook-Event";

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookConfig config;
    private final RetrySchedule retries;
    private final HttpClient http;
    private volatile boolean stopping;

    public WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints, WebhookConfig config) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.config = config;
        this.retries = new RetrySchedule(config.retryDelays(), config.maxAttempts(), config.retryJitter());
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A claimed delivery, ready to send. */
    private record Send(long deliveryId, URI url, String eventId, String eventType, String body, List<String> secrets) {
    }

    /** The outcome of one attempt: a status code, or an error. */
    private record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        // Stop claiming before the database goes away; a delivery claimed meanwhile is taken up again after its claim.
        stopping = true;
    }

    @Scheduled(identity = "webhook-dispatcher", every = "${moderato.webhooks.dispatch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        if (stopping) {
            return;
        }
        try {
            // A full batch means more may be due: keep going rather than wait for the next tick.
            int sent;
            do {
                sent = dispatch();
            } while (sent == config.batchSize() && !stopping);
        } catch (RuntimeException e) {
            // The next run tries again; a transient database error must not stop the schedule.
            LOG.warn("webhook dispatch failed", e);
        }
    }

    /**
     * Claims, sends and records one batch of due deliveries.
     *
     * @return how many deliveries were attempted
     */
    public int dispatch() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> deliveries.dueIds(now, config.batchSize()));
        if (due.isEmpty()) {
            return 0;
        }
        // A claim outlives the longest attempt, so a row is only taken over from a dispatcher that died.
        Instant claimUntil = now.plus(config.connectTimeout()).plus(config.requestTimeout()).plus(Duration.ofSeconds(30));
        // One transaction claims the batch (a conditional UPDATE per row, in the same order on every instance, so
        // racing instances queue on the row locks rather than deadlock) and one records the outcomes.
        List<Send> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<Send> mine = new ArrayList<>();
            for (long id : due) {
                Send send = claim(id, now, claimUntil);
                if (send != null) {
                    mine.add(send);
                }
            }
            return mine;
        });
        List<CompletableFuture<Outcome>> pending = claimed.stream().map(this::send).toList();
        List<Outcome> outcomes = pending.stream().map(CompletableFuture::join).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < claimed.size(); i++) {
                record(claimed.get(i).deliveryId(), outcomes.get(i));
            }
        });
        return claimed.size();
    }

    private Send claim(long id, Instant now, Instant until) {
        if (!deliveries.claim(id, now, until)) {
            return null;
        }
        WebhookDeliveryEntity delivery = deliveries.findById(id);
        WebhookEndpointEntity endpoint = endpoints.findById(delivery.endpointId);
        List<String> secrets = endpoint.previousSecretValid(now) ? List.of(endpoint.secret, endpoint.previousSecret)
                : List.of(endpoint.secret);
        return new Send(id, URI.create(endpoint.url), delivery.eventId, delivery.eventType, delivery.payload, secrets);
    }

    private CompletableFuture<Outcome> send(Send send) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(send.url())
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Moderato-Webhooks/1")
                .header(ID_HEADER, send.eventId())
                .header(EVENT_HEADER, send.eventType())
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.HEADER, WebhookSignature.sign(send.body(), timestamp, send.secrets()))
                .POST(HttpRequest.BodyPublishers.ofString(send.body()))
                .build();
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(response -> new Outcome(response.statusCode(),
                            response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()))
                    .exceptionally(e -> new Outcome(null, describe(e)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(null, describe(e)));
        }
    }

    private void record(long id, Outcome outcome) {
        WebhookDeliveryEntity delivery = deliveries.findById(id);
        if (delivery == null || delivery.status != DeliveryStatus.PENDING) {
            return; // the endpoint was deleted meanwhile
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.lastStatusCode = outcome.statusCode();
        delivery.lastError = outcome.error();
        delivery.claimedUntil = null;
        if (outcome.delivered()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            return;
        }
        Duration delay = retries.nextDelay(delivery.attempts, ThreadLocalRandom.current());
        if (delay == null) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = null;
        } else {
            delivery.nextAttemptAt = now.plus(delay).truncatedTo(ChronoUnit.MICROS);
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH);
    }
}
