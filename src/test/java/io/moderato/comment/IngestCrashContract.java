package io.moderato.comment;

import io.moderato.ServiceClient;
import io.moderato.ServiceProcess;
import io.moderato.TestModels;
import io.moderato.training.CorpusReader;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durability promise of ingest: a comment answered with 2xx survives {@code kill -9}. Starts the packaged
 * service as its own process on a fresh data directory, streams new comments at it from several clients, kills it
 * with {@code SIGKILL} mid-stream, starts it again on the same data and checks that every acknowledged comment is
 * there, stored exactly once (one row, one revision, one ingest audit entry), and that retrying the comments whose
 * answer was lost is harmless. On H2 and on PostgreSQL by the subclasses, both run by {@link IngestCrashIT} after
 * packaging ({@code mvn verify}).
 */
abstract class IngestCrashContract {

    static final String ADMIN_KEY = "crash-test-admin-key-0123456789";
    static final int CLIENTS = 4;
    /** Acknowledged comments before the kill: enough that the kill lands in a steady stream. */
    static final int ACKNOWLEDGED_BEFORE_KILL = 150;

    /** @return the packaged app to run */
    abstract Path app();

    /**
     * @param firstStart true for the first start on a fresh data directory
     * @return the environment selecting and configuring the database
     */
    abstract Map<String, String> databaseEnvironment(Path dataDir, boolean firstStart);

    /** @return a connection to the database the service used, opened after it stopped */
    abstract Connection openDatabase(Path dataDir) throws SQLException;

    /** Runs the test: streams, kills, restarts and checks, failing with an assertion error when a promise is broken. */
    void everyAcknowledgedCommentSurvivesKillMinus9ExactlyOnce() throws Exception {
        String name = getClass().getSimpleName();
        Path dataDir = Path.of("target", "crash-tests", name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        TestModels.copyBundles(dataDir);
        Path log = dataDir.resolve("service.log");
        List<String> texts = new CorpusReader().read(TestModels.CORPUS_DIR.resolve(CorpusReader.HELD_OUT_FILE)).comments()
                .stream().map(CorpusReader.CorpusComment::text).toList();
        String site = "crash-" + UUID.randomUUID().toString().substring(0, 8);

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> unanswered = new ConcurrentHashMap<>();
        String clientKey;
        try (ServiceProcess service = start(dataDir, log, true)) {
            clientKey = service.client().createKey(ADMIN_KEY, "client", "crash-test", 10_000_000);
            AtomicBoolean killed = new AtomicBoolean();
            AtomicLong sequence = new AtomicLong();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> streams = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String author = "author-" + c;
                streams.add(clients.submit(() -> stream(service.client(), clientKey, site, author, texts, sequence,
                        killed, acknowledged, unanswered)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
                for (Future<?> stream : streams) {
                    if (stream.isDone()) {
                        stream.get(); // a client failed before the kill: show why
                    }
                }
                Thread.sleep(5);
            }
            assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL, "only " + acknowledged.size() + " comments acknowledged in 60 s");
            Thread.sleep(ThreadLocalRandom.current().nextInt(30)); // land the kill at no particular point of a request
            killed.set(true);
            service.kill();
            for (Future<?> stream : streams) {
                stream.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }
        System.out.printf("%s: killed with %d comments acknowledged and %d sent without an answer%n",
                name, acknowledged.size(), unanswered.size());

        try (ServiceProcess service = start(dataDir, log, false)) {
            ServiceClient client = service.client();
            for (var comment : acknowledged.entrySet()) {
                HttpResponse<String> stored = client.get(clientKey, site, comment.getKey());
                assertEquals(200, stored.statusCode(), "acknowledged comment " + comment.getKey() + " lost: " + stored.body());
                assertEquals(comment.getValue(), ServiceClient.json(stored).path("text").asText(), comment.getKey());
            }
            for (var comment : acknowledged.entrySet()) {
                HttpResponse<String> retry = client.ingest(clientKey, body(site, comment.getKey(), comment.getValue()));
                assertEquals(200, retry.statusCode(), comment.getKey() + ": " + retry.body());
                assertEquals("UNCHANGED", retry.headers().firstValue("Moderato-Ingest-Outcome").orElse(null), comment.getKey());
            }
            for (var comment : unanswered.entrySet()) {
                HttpResponse<String> retry = client.ingest(clientKey, body(site, comment.getKey(), comment.getValue()));
                assertTrue(retry.statusCode() == 201 || retry.statusCode() == 200, comment.getKey() + ": " + retry.body());
                assertEquals(comment.getValue(), ServiceClient.json(retry).path("text").asText(), comment.getKey());
            }
            service.stop();
        }

        Set<String> sent = new HashSet<>(acknowledged.keySet());
        sent.addAll(unanswered.keySet());
        try (Connection db = openDatabase(dataDir)) {
            assertEquals(Map.of(), countsOtherThanOne(db, "select external_id, count(*) from reader_comment where site_id = ? group by external_id", site),
                    "comments stored more than once");
            assertEquals(sent, ids(db, site), "stored comments are exactly the ones sent");
            assertEquals(Map.of(), countsOtherThanOne(db, "select c.external_id, count(r.id) from reader_comment c left join comment_revision r "
                    + "on r.comment_id = c.id where c.site_id = ? group by c.external_id", site), "revisions per comment");
            assertEquals(Map.of(), countsOtherThanOne(db, "select c.external_id, count(a.id) from reader_comment c left join audit_entry a "
                    + "on a.site_id = c.site_id and a.comment_id = c.external_id and a.action = 'COMMENT_INGESTED' "
                    + "where c.site_id = ? group by c.external_id", site), "ingest audit entries per comment");
        }
    }

    private ServiceProcess start(Path dataDir, Path log, boolean firstStart) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(databaseEnvironment(dataDir, firstStart));
        environment.put("MODERATO_DATA_DIR", dataDir.toString());
        environment.put("MODERATO_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        return ServiceProcess.start(app(), ServiceProcess.freePort(), environment, log, Duration.ofMinutes(3));
    }

    /**
     * One client: posts new comments until the service is killed. A comment answered 2xx is acknowledged; one sent
     * when the service died has no answer, and may or may not be stored.
     */
    private static Void stream(ServiceClient client, String key, String site, String author, List<String> texts,
                               AtomicLong sequence, AtomicBoolean killed, Map<String, String> acknowledged,
                               Map<String, String> unanswered) throws InterruptedException {
        while (!killed.get()) {
            long n = sequence.getAndIncrement();
            String id = "c-" + n;
            String text = texts.get((int) (n % texts.size()));
            HttpResponse<String> response;
            try {
                response = client.ingest(key, body(site, id, text));
            } catch (IOException e) {
                if (!killed.get()) {
                    throw new IllegalStateException("ingest of " + id + " failed before the kill", e);
                }
                unanswered.put(id, text);
                return null;
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("ingest of " + id + " answered " + response.statusCode() + ": " + response.body());
            }
            acknowledged.put(id, text);
        }
        return null;
    }

    private static Map<String, Object> body(String site, String id, String text) {
        return ServiceClient.comment(site, id, "article-1", "author-" + id, text);
    }

    private static Map<String, Long> countsOtherThanOne(Connection db, String sql, String site) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, site);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(2) != 1) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        return counts;
    }

    private static Set<String> ids(Connection db, String site) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement("select external_id from reader_comment where site_id = ?")) {
            query.setString(1, site);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
