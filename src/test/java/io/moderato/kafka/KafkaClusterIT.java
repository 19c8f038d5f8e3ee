package io.moderato.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.ClusterPromises;
import io.moderato.KafkaBroker;
import io.moderato.PostgresProfile;
import io.moderato.ReplicaCluster;
import io.moderato.ServiceClient;
import io.moderato.TestModels;
import io.moderato.training.CorpusReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster promise for comments through Kafka ("Done when" of issue 10, its Kafka parts): three replicas of the
 * packaged service (PostgreSQL build) on one PostgreSQL database and one real broker; 5,000 comments and a known
 * set of malformed records streamed into the comments topic while moderators claim and decide on every replica;
 * one replica killed with {@code SIGKILL} mid-stream and started again. Then: every comment is stored exactly once,
 * every status change (the policy's and the moderators') was published at least once, no comment was claimed by two
 * moderators, and the dead-letter topic holds exactly the malformed records. The replicas run in fast mode
 * (no sentence encoder) to keep the test within a few minutes.
 * <p>
 * On the same replicas, once the killed one is back and while the stream goes on, the shared-state promises
 * ({@link ClusterPromises}): a dashboard session opened on one replica works on the others (the restarted one
 * included) and a sign-out or revocation ends it on all at once; failed sign-ins on different replicas add up to
 * the lockout; a key's rate limit holds for the three together (admitted total within 10 % of the limit). Once
 * the stream is through, a site's bundle promoted on one replica is live on all within 5 seconds.
 * <p>
 * Each promise is checked by its own method ({@code assert...}, {@link ClusterPromises}).
 */
class KafkaClusterIT {

    private static final String ADMIN_KEY = "cluster-test-admin-key-0123456789";
    private static final int REPLICAS = 3;
    private static final int COMMENTS = 5_000;
    /** One malformed record after every this many comments. */
    private static final int MALFORMED_EVERY = 100;
    private static final int MODERATORS = 6;
    private static final int ARTICLES = 40;
    private static final int BATCH = 250;
    private static final Duration BATCH_PAUSE = Duration.ofMillis(400);
    /** The replica killed, once this many comments are stored. */
    private static final int VICTIM = 1;
    private static final int KILL_AFTER_STORED = 1_500;
    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String site = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path directory = Path.of("target", "cluster-tests", site).toAbsolutePath();

    /** What the moderators saw: comment → moderators whose claim answer held it; decisions answered 200. */
    private final Map<String, Set<String>> claimedBy = new ConcurrentHashMap<>();
    private final Map<String, String> decided = new ConcurrentHashMap<>();
    /** Decisions whose answer was lost to the kill: committed or not. */
    private final Set<String> uncertain = ConcurrentHashMap.newKeySet();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicInteger> decisionsPerReplica = new ConcurrentHashMap<>();
    private final List<String> malformedSent = new CopyOnWriteArrayList<>();

    @Test
    void commentsStreamExactlyOnceThroughThreeReplicasWhileOneIsKilled() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start("cluster-it")) {
            broker.createTopics(Map.of("moderato.comments", 6, "moderato.decisions", 3, "moderato.comments.dlq", 1));
            try (ReplicaCluster cluster = ReplicaCluster.start(app(), REPLICAS, directory, environment(broker), cleanSchema());
                 Connection db = DriverManager.getConnection(PostgresProfile.URL, "postgres", "")) {
                List<String> moderatorKeys = prepareSite(cluster.client(0));
                AtomicBoolean reviewing = new AtomicBoolean(true);
                List<Thread> reviewers = new ArrayList<>();
                for (int m = 0; m < MODERATORS; m++) {
                    int moderator = m;
                    reviewers.add(start("reviewer-" + m, () -> review(cluster, moderator, moderatorKeys.get(moderator), reviewing)));
                }
                Thread producer = start("producer", () -> produce(broker));

                long start = System.nanoTime();
                int storedAtKill = awaitStored(db, KILL_AFTER_STORED);
                cluster.kill(VICTIM);
                progress(start, "replica " + VICTIM + " killed with " + storedAtKill + " comments stored");
                cluster.restart(VICTIM);
                progress(start, "replica " + VICTIM + " ready again");
                assertTrue(storedAtKill < COMMENTS, "the kill came after the stream: " + storedAtKill);
                Thread promises = start("cluster-promises", () -> checkSharedState(cluster, start));

                producer.join(WAIT.toMillis());
                assertEquals(COMMENTS, awaitStored(db, COMMENTS), "comments stored within " + WAIT);
                progress(start, "all " + COMMENTS + " comments stored");
                // Let the moderators work on what the last comments brought, then stop them.
                Thread.sleep(3_000);
                reviewing.set(false);
                for (Thread reviewer : reviewers) {
                    reviewer.join(60_000);
                }
                promises.join(WAIT.toMillis());
                assertFalse(promises.isAlive(), "the shared-state checks did not finish within " + WAIT);
                assertEquals(List.of(), failures, "failures of the producer or the moderators");
                awaitOutboxEmpty(db);

                assertEveryCommentStoredOnce(db);
                assertNoCommentClaimedTwice();
                assertEveryStatusChangePublished(db, broker);
                assertDeadLettersAreExactlyTheMalformed(broker);
                assertTrue(decisionsPerReplica.keySet().size() == REPLICAS,
                        "moderators decided on every replica: " + decisionsPerReplica);
                // Last, once the stream is through: loading a bundle takes the replicas seconds while they ingest on
                // shared cores, which is not what this measures.
                new ClusterPromises(cluster, ADMIN_KEY).promotionReachesEveryReplica(site + "-promoted",
                        "cluster-promoted-" + site.substring(8), 0);
                progress(start, "a promotion on replica 0 was live on all replicas");
            }
        }
    }

    /** Sessions, the sign-in throttle, a key's rate limit and a promotion, on the three replicas. */
    private void checkSharedState(ReplicaCluster cluster, long start) {
        ClusterPromises promises = new ClusterPromises(cluster, ADMIN_KEY);
        try {
            promises.sessionsAreShared();
            promises.signInThrottleIsShared("127.0.0.9");
            promises.rateLimitIsShared(300, Duration.ofSeconds(15));
            progress(start, "sessions, sign-in throttle and rate limit held across the replicas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Thread start(String name, Runnable task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (RuntimeException | AssertionError e) {
                failures.add(e);
            }
        }, name);
        thread.start();
        return thread;
    }

    private static void progress(long start, String what) {
        System.out.printf("KafkaClusterIT %.1f s: %s%n", (System.nanoTime() - start) / 1e9, what);
    }

    private static Path app() {
        return Path.of(System.getProperty("moderato.it.postgresql-app", "target/postgresql-app/quarkus-run.jar"));
    }

    private static Map<String, String> environment(KafkaBroker broker) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", PostgresProfile.URL);
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_DATASOURCE_PASSWORD", "");
        environment.put("MODERATO_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        environment.put("MODERATO_CLASSIFICATION_ENCODER", "none");
        environment.put("MODERATO_CLASSIFICATION_MODE", "fast");
        environment.put("MODERATO_KAFKA_ENABLED", "true");
        environment.put("MODERATO_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("MODERATO_KAFKA_SESSION_TIMEOUT_MS", "6000");
        // Two consumers on each replica: the six partitions keep every consumer busy.
        environment.put("MODERATO_KAFKA_CONSUMERS", "2");
        // One failed sign-in per replica from one address makes the lockout: only a shared count reaches it.
        environment.put("MODERATO_ACCESS_SIGN_IN_MAX_FAILURES", Integer.toString(REPLICAS));
        // Short-lived replicas on shared cores: the C1 compiler alone and the serial collector spend far less CPU
        // warming up than the JVM's defaults.
        environment.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        return environment;
    }

    private static Map<String, String> cleanSchema() {
        // A test database: start from an empty schema, as the @QuarkusTests on PostgreSQL do.
        return Map.of("QUARKUS_FLYWAY_CLEAN_AT_START", "true", "QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
    }

    /** Holds comments that mention "hold" for review, and creates the moderators' keys. */
    private List<String> prepareSite(ServiceClient admin) throws IOException, InterruptedException {
        HttpResponse<String> policy = admin.send(ADMIN_KEY, "PUT", "/api/v1/admin/sites/" + site + "/policy",
                Map.of("suspectWords", List.of("hold"), "links", "ALLOW"));
        assertEquals(200, policy.statusCode(), policy.body());
        List<String> keys = new ArrayList<>();
        for (int m = 0; m < MODERATORS; m++) {
            keys.add(admin.createKey(ADMIN_KEY, "moderator", "moderator-" + m, 1_000_000));
        }
        return keys;
    }

    /** Streams the comments in batches, a malformed record after every {@link #MALFORMED_EVERY}. */
    private void produce(KafkaBroker broker) {
        List<String> texts;
        try {
            texts = new CorpusReader().read(TestModels.CORPUS_DIR.resolve(CorpusReader.HELD_OUT_FILE)).comments()
                    .stream().map(CorpusReader.CorpusComment::text).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (KafkaProducer<String, String> producer = broker.producer()) {
            for (int i = 0; i < COMMENTS; i++) {
                String article = "a" + (i % ARTICLES);
                String text = texts.get(i % texts.size()) + (i % 3 == 0 ? " (hold for review)" : "");
                Map<String, Object> comment = ServiceClient.comment(site, commentId(i), article, "u" + (i % 300), text);
                producer.send(new ProducerRecord<>("moderato.comments", site + "/" + article, JSON.writeValueAsString(comment)));
                if (i % MALFORMED_EVERY == MALFORMED_EVERY - 1) {
                    String malformed = malformed(i / MALFORMED_EVERY, article);
                    malformedSent.add(malformed);
                    producer.send(new ProducerRecord<>("moderato.comments", site + "/" + article, malformed));
                }
                if (i % BATCH == BATCH - 1) {
                    producer.flush();
                    Thread.sleep(BATCH_PAUSE.toMillis());
                }
            }
            producer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String commentId(int i) {
        return String.format("c%05d", i);
    }

    /** The n-th malformed record: not JSON, a missing or blank field, a bad site id, a number for a text. */
    private String malformed(int n, String article) throws IOException {
        Map<String, Object> comment = new HashMap<>(ServiceClient.comment(site, "bad-" + n, article, "u1", "Text " + n));
        switch (n % 5) {
            case 0 -> {
                return "{\"siteId\": \"" + site + "\", \"id\": \"bad-" + n + "\", \"text\": ";
            }
            case 1 -> comment.remove("text");
            case 2 -> comment.put("author", Map.of("displayName", "No id"));
            case 3 -> comment.put("siteId", "not a site id " + n);
            default -> comment.put("text", n);
        }
        return JSON.writeValueAsString(comment);
    }

    /** One moderator: claims a few held comments on its replica (the next one while that is down) and decides them. */
    private void review(ReplicaCluster cluster, int moderator, String key, AtomicBoolean reviewing) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int replica = moderator % REPLICAS;
        while (reviewing.get()) {
            ServiceClient client = cluster.client(replica);
            try {
                HttpResponse<String> claim = client.send(key, "POST", "/api/v1/queue/claim",
                        Map.of("siteId", site, "count", 5, "durationSeconds", 600));
                assertEquals(200, claim.statusCode(), claim.body());
                JsonNode items = ServiceClient.json(claim).path("items");
                if (items.isEmpty()) {
                    Thread.sleep(200);
                    continue;
                }
                for (JsonNode item : items) {
                    String id = item.path("id").asText();
                    claimedBy.computeIfAbsent(id, c -> ConcurrentHashMap.newKeySet()).add("moderator-" + moderator);
                    String decision = random.nextBoolean() ? "APPROVE" : "REJECT";
                    HttpResponse<String> answer;
                    try {
                        answer = client.send(key, "POST", "/api/v1/comments/" + site + "/" + id + "/decision",
                                Map.of("decision", decision, "reason", "cluster-test"));
                    } catch (IOException e) {
                        uncertain.add(id);
                        throw e;
                    }
                    assertEquals(200, answer.statusCode(), answer.body());
                    decided.put(id, decision.equals("APPROVE") ? "APPROVED" : "REJECTED");
                    uncertain.remove(id);
                    decisionsPerReplica.computeIfAbsent(replica, r -> new AtomicInteger()).incrementAndGet();
                }
            } catch (IOException e) {
                // The replica is down (killed, restarting): go on with the next one.
                replica = (replica + 1) % REPLICAS;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int awaitStored(Connection db, int count) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int stored;
        while ((stored = count(db, "select count(*) from reader_comment where site_id = ?")) < count
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return stored;
    }

    private void awaitOutboxEmpty(Connection db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int waiting;
        while ((waiting = countOutbox(db)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, waiting, "decision events still in the outbox after " + WAIT);
    }

    /** One row, one revision and one ingest audit entry per comment; every comment sent is there. */
    private void assertEveryCommentStoredOnce(Connection db) throws SQLException {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < COMMENTS; i++) {
            expected.add(commentId(i));
        }
        assertEquals(expected, new HashSet<>(strings(db, "select external_id from reader_comment where site_id = ?")));
        assertEquals(COMMENTS, count(db, "select count(*) from reader_comment where site_id = ?"));
        assertEquals(COMMENTS, count(db, "select count(*) from comment_revision r join reader_comment c on c.id = r.comment_id"
                + " where c.site_id = ?"));
        assertEquals(List.of(), strings(db, "select comment_id from audit_entry where site_id = ? and action = 'COMMENT_INGESTED'"
                + " group by comment_id having count(*) > 1"));
        assertEquals(COMMENTS, count(db, "select count(*) from audit_entry where site_id = ? and action = 'COMMENT_INGESTED'"));
    }

    private void assertNoCommentClaimedTwice() {
        Map<String, Set<String>> twice = new HashMap<>();
        claimedBy.forEach((id, moderators) -> {
            if (moderators.size() > 1) {
                twice.put(id, moderators);
            }
        });
        assertEquals(Map.of(), twice, "comments claimed by two moderators");
        assertFalse(decided.isEmpty(), "the moderators decided nothing");
        assertTrue(claimedBy.keySet().containsAll(decided.keySet()));
    }

    /**
     * Every comment's first status (comment.received) and every moderator's decision (comment.decided, as the audit
     * log records it, and as the moderators were answered) is on the decisions topic at least once.
     */
    private void assertEveryStatusChangePublished(Connection db, KafkaBroker broker) throws SQLException {
        Map<String, String> firstStatus = pairs(db, "select comment_id, new_status from audit_entry where site_id = ?"
                + " and action = 'COMMENT_INGESTED'");
        Map<String, String> lastDecision = pairs(db, "select comment_id, new_status from audit_entry where site_id = ?"
                + " and action = 'COMMENT_DECIDED' order by id");
        assertTrue(lastDecision.keySet().containsAll(decided.keySet()), "every decision answered 200 is in the audit log");
        Set<String> answeredOrLost = new HashSet<>(decided.keySet());
        answeredOrLost.addAll(uncertain);
        assertTrue(answeredOrLost.containsAll(lastDecision.keySet()), "the audit log holds no decision nobody made");
        decided.forEach((id, status) -> assertEquals(status, lastDecision.get(id), "decision on " + id));
        Map<String, String> received = new HashMap<>();
        Map<String, Set<String>> decidedEvents = new HashMap<>();
        int[] collected = {0};
        List<ConsumerRecord<String, String>> records = broker.read("moderato.decisions", read -> {
            for (ConsumerRecord<String, String> record : read.subList(collected[0], read.size())) {
                collect(record, received, decidedEvents);
            }
            collected[0] = read.size();
            return received.keySet().containsAll(firstStatus.keySet()) && decidedEvents.keySet().containsAll(lastDecision.keySet());
        }, WAIT);
        assertTrue(records.size() >= COMMENTS + lastDecision.size());
        assertEquals(firstStatus, received, "comment.received events: the policy's first status of each comment");
        lastDecision.forEach((id, status) -> assertTrue(decidedEvents.getOrDefault(id, Set.of()).contains(status),
                "comment.decided " + status + " for " + id + " is missing"));
    }

    private void collect(ConsumerRecord<String, String> record, Map<String, String> received,
                         Map<String, Set<String>> decidedEvents) {
        try {
            JsonNode event = JSON.readTree(record.value());
            if (!site.equals(event.path("siteId").asText())) {
                return;
            }
            String id = event.path("commentId").asText();
            switch (event.path("type").asText()) {
                case "comment.received" -> received.put(id, event.path("newStatus").asText());
                case "comment.decided" -> decidedEvents.computeIfAbsent(id, c -> new HashSet<>()).add(event.path("newStatus").asText());
                default -> {
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertDeadLettersAreExactlyTheMalformed(KafkaBroker broker) {
        int expected = COMMENTS / MALFORMED_EVERY;
        assertEquals(expected, malformedSent.size());
        Set<String> sent = new HashSet<>(malformedSent);
        List<ConsumerRecord<String, String>> dead = broker.read("moderato.comments.dlq",
                read -> read.stream().map(ConsumerRecord::value).collect(Collectors.toSet()).containsAll(sent), WAIT);
        // At least once, as every record: one dead-lettered just before the kill, its offset not yet committed, is
        // dead-lettered again by the replica that takes over its partition.
        assertEquals(sent, dead.stream().map(ConsumerRecord::value).collect(Collectors.toSet()),
                "the dead-letter topic holds exactly the malformed records");
        for (ConsumerRecord<String, String> record : dead) {
            Header reason = record.headers().lastHeader("dead-letter-reason");
            assertTrue(reason != null && reason.value().length > 0, "a dead letter without its reason: " + record.value());
        }
    }

    private static int countOutbox(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select count(*) from decision_outbox");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private int count(Connection db, String sql) throws SQLException {
        List<String> values = strings(db, sql);
        return Integer.parseInt(values.get(0));
    }

    private List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, site);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private Map<String, String> pairs(Connection db, String sql) throws SQLException {
        Map<String, String> pairs = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, site);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pairs.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return pairs;
    }
}
