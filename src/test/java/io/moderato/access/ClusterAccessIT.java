package io.moderato.access;

import io.moderato.PostgresProfile;
import io.moderato.ServiceClient;
import io.moderato.ServiceProcess;
import io.moderato.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access with three replicas of the packaged service ({@code target/postgresql-app}) on one PostgreSQL database,
 * each its own process: a dashboard session opened on one replica works on the others, a sign-out or a key's
 * revocation on one ends the session on all within a second, and a key's rate limit holds for the cluster: the
 * requests admitted by all three together stay within 10 % of what the key's one bucket allows.
 */
class ClusterAccessIT {

    private static final String ADMIN_KEY = "cluster-test-admin-key-0123456789";
    private static final int REPLICAS = 3;
    private static final Pattern CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<ServiceProcess> replicas = new ArrayList<>();
    private static final List<URI> addresses = new ArrayList<>();

    @BeforeAll
    static void startReplicas() throws Exception {
        Path app = Path.of(System.getProperty("moderato.it.postgresql-app", "target/postgresql-app/quarkus-run.jar"));
        Path root = Path.of("target", "cluster-tests", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        List<Map<String, String>> environments = new ArrayList<>();
        List<Path> dataDirs = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
            Path dataDir = root.resolve("replica-" + i);
            TestModels.copyBundles(dataDir);
            Map<String, String> environment = new HashMap<>(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", PostgresProfile.URL,
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "",
                    "MODERATO_DATA_DIR", dataDir.toString(),
                    "MODERATO_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY,
                    // the word model alone: three encoders would not fit beside the other tests on this machine
                    "MODERATO_CLASSIFICATION_ENCODER", "none"));
            if (i == 0) {
                // A test database: the first replica starts from an empty schema, the others join it.
                environment.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
                environment.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
            }
            environments.add(environment);
            dataDirs.add(dataDir);
            addresses.add(URI.create("http://127.0.0.1:" + ServiceProcess.freePort()));
        }
        replicas.add(start(app, addresses.get(0), environments.get(0), dataDirs.get(0)));
        // the others join the migrated schema together
        ExecutorService starts = Executors.newFixedThreadPool(REPLICAS - 1);
        List<Future<ServiceProcess>> joining = new ArrayList<>();
        for (int i = 1; i < REPLICAS; i++) {
            int replica = i;
            joining.add(starts.submit(() -> start(app, addresses.get(replica), environments.get(replica), dataDirs.get(replica))));
        }
        for (Future<ServiceProcess> replica : joining) {
            replicas.add(replica.get());
        }
        starts.shutdown();
    }

    private static ServiceProcess start(Path app, URI address, Map<String, String> environment, Path dataDir) throws Exception {
        return ServiceProcess.start(app, address.getPort(), environment, dataDir.resolve("service.log"), Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopReplicas() throws InterruptedException {
        for (ServiceProcess replica : replicas) {
            replica.close();
        }
    }

    @Test
    void aSessionOpenedOnOneReplicaWorksOnAllAndEndsOnAll() throws Exception {
        String key = client(0).createKey(ADMIN_KEY, "moderator", "desk-cluster", 100_000);
        String cookie = signIn(0, key);
        String csrf = csrfToken(1, cookie);
        for (int i = 0; i < REPLICAS; i++) {
            assertEquals(200, withSession(i, cookie, null, "GET", "/api/v1/audit?limit=1").statusCode(), "replica " + i);
        }
        assertEquals(403, withSession(2, cookie, null, "POST", "/api/v1/queue/release").statusCode(),
                "an unsafe request without the CSRF token");
        assertEquals(200, withSession(2, cookie, csrf, "POST", "/api/v1/queue/release").statusCode(),
                "the token given out by replica 1 is good on replica 2");

        HttpResponse<String> signOut = form(1, cookie, "/dashboard/sign-out", "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        assertEquals(303, signOut.statusCode());
        long signedOut = System.nanoTime();
        assertEquals(401, withSession(0, cookie, null, "GET", "/api/v1/audit?limit=1").statusCode(), "signed out on replica 0");
        assertEquals(401, withSession(2, cookie, null, "GET", "/api/v1/audit?limit=1").statusCode(), "signed out on replica 2");
        assertTrue(System.nanoTime() - signedOut < 1_000_000_000L, "within a second");

        String again = signIn(2, key);
        assertEquals(200, withSession(0, again, null, "GET", "/api/v1/audit?limit=1").statusCode());
        String prefix = key.split("_")[1];
        assertEquals(200, send(1, ADMIN_KEY, "DELETE", "/api/v1/admin/keys/" + prefix).statusCode());
        long revoked = System.nanoTime();
        for (int i = 0; i < REPLICAS; i++) {
            assertEquals(401, withSession(i, again, null, "GET", "/api/v1/audit?limit=1").statusCode(), "revoked on replica " + i);
        }
        assertTrue(System.nanoTime() - revoked < 1_000_000_000L, "within a second");
    }

    @Test
    void aKeysRateLimitHoldsForTheWholeCluster() throws Exception {
        int perMinute = 300;
        String key = client(0).createKey(ADMIN_KEY, "client", "cluster-limited", perMinute);
        int clientsPerReplica = 2;
        Duration run = Duration.ofSeconds(20);
        AtomicLong admitted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(REPLICAS * clientsPerReplica);
        long start = System.nanoTime();
        long end = start + run.toNanos();
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < REPLICAS * clientsPerReplica; c++) {
            int replica = c % REPLICAS;
            load.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    // a comment that does not exist: the key is checked and counted, then the answer is 404
                    int status = send(replica, key, "GET", "/api/v1/comments/cluster-site/none").statusCode();
                    if (status == 429) {
                        refused.incrementAndGet();
                    } else {
                        assertEquals(404, status);
                        admitted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : load) {
            client.get();
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        double allowed = perMinute + perMinute * seconds / 60;
        double ratio = admitted.get() / allowed;
        System.out.printf("ClusterAccessIT: %d replicas, key limit %d/min, %.1f s: admitted %d, refused %d; one bucket allows %.0f "
                        + "(burst %d + refill %.0f); admitted/allowed = %.3f (each replica limiting alone would allow %.0f)%n",
                REPLICAS, perMinute, seconds, admitted.get(), refused.get(), allowed, perMinute, allowed - perMinute, ratio,
                REPLICAS * allowed);
        assertTrue(refused.get() > 0, "the load went over the limit");
        assertTrue(ratio > 0.9 && ratio < 1.1, "admitted " + admitted.get() + " of " + allowed);
    }

    private static ServiceClient client(int replica) {
        return replicas.get(replica).client();
    }

    private static HttpResponse<String> send(int replica, String key, String method, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(addresses.get(replica).resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> withSession(int replica, String cookie, String csrf, String method, String path)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(addresses.get(replica).resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", "moderato_session=" + cookie);
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{\"siteId\":\"cluster-site\"}"));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(int replica, String cookie, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(addresses.get(replica).resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", "moderato_session=" + cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in on a replica as a browser does; returns the session cookie's value. */
    private static String signIn(int replica, String key) throws IOException, InterruptedException {
        HttpResponse<String> response = form(replica, null, "/dashboard/sign-in", "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        assertEquals(303, response.statusCode(), response.body());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring("moderato_session=".length(), setCookie.indexOf(';'));
    }

    /** The session's CSRF token, as a page served by the given replica embeds it. */
    private static String csrfToken(int replica, String cookie) throws IOException, InterruptedException {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(addresses.get(replica).resolve("/dashboard/queue"))
                .header("Cookie", "moderato_session=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "the session opened elsewhere is known here");
        Matcher csrf = CSRF.matcher(page.body());
        assertTrue(csrf.find(), "the page embeds the CSRF token");
        return csrf.group(1);
    }
}
