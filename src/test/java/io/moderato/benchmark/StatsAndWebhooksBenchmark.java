package io.moderato.benchmark;

import com.sun.net.httpserver.HttpServer;
import io.moderato.PostgresProfile;
import io.moderato.webhook.repository.DeliveryStatus;
import io.moderato.webhook.repository.WebhookDeliveryRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.moderato.TestKeys.asAdmin;

/**
 * Prints figures, asserts nothing: how long {@code /api/v1/stats} takes over 100,000 comments on PostgreSQL, and
 * how many webhook deliveries per second one instance sends to a fast loopback receiver. Off unless asked for:
 * {@code mvn test -Dtest=StatsAndWebhooksBenchmark -Dmoderato.bench=true -Dmoderato.test.pg-url=...}.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfSystemProperty(named = "moderato.bench", matches = "true")
class StatsAndWebhooksBenchmark {

    private static final int COMMENTS = 100_000;
    private static final int DELIVERIES = 5_000;

    @Inject
    EntityManager em;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Test
    void statsOverManyComments() {
        QuarkusTransaction.requiringNew().run(() -> {
            // 100,000 comments over the last 7 days (one every 6 s), 300 articles, one topic each, a third decided.
            em.createNativeQuery("INSERT INTO reader_comment (site_id, external_id, article_id, article_url, article_title, "
                    + "author_id, author_name, text, text_fingerprint, created_at, received_at, updated_at, status, machine_decision, "
                    + "reasons, topics, spans, model_version, toxicity, severe_toxicity, insult, threat, identity_attack, profanity, "
                    + "sexually_explicit, max_score, primary_topic, revision, version) "
                    + "SELECT 'bench', 'c' || g, 'a' || (g % 300), 'https://news.example/a' || (g % 300), 'Article ' || (g % 300), "
                    + "'u' || (g % 5000), 'U', 'text ' || g, md5(g::text), t, t, t, "
                    + "(ARRAY['APPROVED','APPROVED','APPROVED','REVIEW','REJECTED'])[1 + g % 5], "
                    + "(ARRAY['APPROVE','APPROVE','REVIEW','REVIEW','REJECT'])[1 + g % 5], '[]', '[]', '[]', 'bench', "
                    + "random(), random() * 0.5, random(), random() * 0.5, random() * 0.5, random(), random() * 0.3, 0.9, "
                    + "'medtop:11000000', 1, 0 "
                    + "FROM (SELECT g, now() - g * interval '6 seconds' AS t FROM generate_series(1, " + COMMENTS + ") g) s")
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO comment_topic (comment_id, code, score) SELECT id, 'medtop:' "
                    + "|| lpad(((id % 17) + 1)::text, 2, '0') || '000000', 0.5 FROM reader_comment WHERE site_id = 'bench'").executeUpdate();
            em.createNativeQuery("INSERT INTO audit_entry (recorded_at, actor, action, site_id, comment_id, previous_status, new_status) "
                    + "SELECT received_at + interval '5 minutes', 'mod' || (id % 5), 'COMMENT_DECIDED', 'bench', external_id, 'REVIEW', status "
                    + "FROM reader_comment WHERE site_id = 'bench' AND status <> 'REVIEW' AND id % 3 = 0").executeUpdate();
        });
        em.getEntityManagerFactory().getCache().evictAll();
        for (String bucket : List.of("day", "hour")) {
            asAdmin().get("/api/v1/stats?siteId=bench&bucket=" + bucket).then().statusCode(200);
            long best = Long.MAX_VALUE;
            long total = 0;
            int runs = 5;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                asAdmin().get("/api/v1/stats?siteId=bench&bucket=" + bucket).then().statusCode(200);
                long took = System.nanoTime() - start;
                best = Math.min(best, took);
                total += took;
            }
            System.out.printf("BENCH stats over %,d comments, bucket=%s: mean %.0f ms, best %.0f ms%n", COMMENTS, bucket,
                    total / 1e6 / runs, best / 1e6);
        }
    }

    @Test
    void webhookDeliveriesPerSecond() throws Exception {
        AtomicInteger received = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            long endpoint = asAdmin().body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "events", List.of("comment.queued"), "siteId", "bench-hooks", "active", false))
                    .post("/api/v1/admin/webhooks").then().statusCode(201).extract().jsonPath().getLong("endpoint.id");
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO webhook_delivery (endpoint_id, event_id, "
                    + "event_type, site_id, payload, status, attempts, created_at, next_attempt_at) SELECT " + endpoint
                    + ", md5(g::text), 'comment.queued', 'bench-hooks', '{\"id\":\"' || md5(g::text) || '\"}', 'PENDING', 0, now(), now() "
                    + "FROM generate_series(1, " + DELIVERIES + ") g").executeUpdate());
            long start = System.nanoTime();
            asAdmin().body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "events", List.of("comment.queued"), "siteId", "bench-hooks", "active", true))
                    .put("/api/v1/admin/webhooks/{id}", endpoint).then().statusCode(200);
            long deadline = System.nanoTime() + 300_000_000_000L;
            long delivered = 0;
            while (delivered < DELIVERIES && System.nanoTime() < deadline) {
                Thread.sleep(200);
                delivered = QuarkusTransaction.requiringNew().call(() -> deliveries.count("endpointId = ?1 and status = ?2",
                        endpoint, DeliveryStatus.DELIVERED));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH webhooks: %,d deliveries in %.1f s = %.0f deliveries/s (receiver saw %,d)%n",
                    delivered, seconds, delivered / seconds, received.get());
        } finally {
            receiver.stop(0);
        }
    }
}
