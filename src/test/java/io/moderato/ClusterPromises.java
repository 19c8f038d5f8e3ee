package io.moderato;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster's shared-state promises, checked on a running {@link ReplicaCluster} (issue 10's "Done when"):
 * dashboard sessions opened on one replica work on all and end on all at once (sign-out, key revocation), the
 * sign-in throttle counts failures from all replicas together, a key's rate limit holds for the cluster, and a
 * promotion made on one replica is live on all within five seconds.
 */
public final class ClusterPromises {

    private static final Pattern CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final ReplicaCluster cluster;
    private final String adminKey;

    /**
     * @param cluster  the running replicas
     * @param adminKey an admin key every replica accepts
     */
    public ClusterPromises(ReplicaCluster cluster, String adminKey) {
        this.cluster = cluster;
        this.adminKey = adminKey;
    }

    /**
     * A session opened on one replica works on every replica (its CSRF token too); a sign-out on one, then a key's
     * revocation on one, end it on all: the first request to each other replica after the answer is refused.
     */
    public void sessionsAreShared() throws IOException, InterruptedException {
        int replicas = cluster.size();
        String key = cluster.client(0).createKey(adminKey, "moderator", "desk-cluster", 100_000);
        String cookie = signIn(0, key);
        String csrf = csrfToken(1, cookie);
        for (int i = 0; i < replicas; i++) {
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
        long signOutMillis = (System.nanoTime() - signedOut) / 1_000_000;

        String again = signIn(2, key);
        assertEquals(200, withSession(0, again, null, "GET", "/api/v1/audit?limit=1").statusCode());
        String prefix = key.split("_")[1];
        assertEquals(200, bearer(1, adminKey, "DELETE", "/api/v1/admin/keys/" + prefix).statusCode());
        long revoked = System.nanoTime();
        for (int i = 0; i < replicas; i++) {
            assertEquals(401, withSession(i, again, null, "GET", "/api/v1/audit?limit=1").statusCode(), "revoked on replica " + i);
        }
        System.out.printf("ClusterPromises: sessions shared by %d replicas; sign-out seen by the others' first requests "
                + "(%d ms), revocation by every replica's first request (%d ms)%n", replicas, signOutMillis,
                (System.nanoTime() - revoked) / 1_000_000);
    }

    /**
     * Failed sign-ins from one address, one on each replica, add up to the lockout (the replicas run with
     * {@code moderato.access.sign-in-max-failures} = the number of replicas): every replica then refuses the address,
     * the right key too; each replica counting alone would have seen one failure and let it in.
     *
     * @param address a loopback address no other check signs in from, e.g. 127.0.0.9
     */
    public void signInThrottleIsShared(String address) throws IOException {
        for (int i = 0; i < cluster.size(); i++) {
            assertEquals(401, rawSignIn(i, "wrong-key-" + i, address).status(), "failure " + (i + 1) + " on replica " + i);
        }
        for (int i = 0; i < cluster.size(); i++) {
            RawHttp.Answer refused = rawSignIn(i, adminKey, address);
            assertEquals(429, refused.status(), "replica " + i + " refuses the address after the cluster's failures");
        }
        assertEquals(303, rawSignIn(0, adminKey, "127.0.0.1").status(), "another address still signs in");
    }

    /**
     * A key's rate limit holds for the replicas together: two clients per replica call as fast as they can for the
     * given time; the admitted total stays within 10 % of what the key's one bucket allows.
     *
     * @param perMinute the key's limit
     * @param run       how long the clients call
     */
    public void rateLimitIsShared(int perMinute, Duration run) throws Exception {
        int replicas = cluster.size();
        String key = cluster.client(0).createKey(adminKey, "client", "cluster-limited", perMinute);
        int clientsPerReplica = 2;
        AtomicLong admitted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(replicas * clientsPerReplica);
        long start = System.nanoTime();
        long end = start + run.toNanos();
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < replicas * clientsPerReplica; c++) {
            int replica = c % replicas;
            load.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    // a comment that does not exist: the key is checked and counted, then the answer is 404
                    int status = bearer(replica, key, "GET", "/api/v1/comments/cluster-site/none").statusCode();
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
        try {
            for (Future<?> client : load) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double allowed = perMinute + perMinute * seconds / 60;
        double ratio = admitted.get() / allowed;
        System.out.printf("ClusterPromises: %d replicas, key limit %d/min, %.1f s: admitted %d, refused %d; one bucket "
                        + "allows %.0f (burst %d + refill %.0f); admitted/allowed = %.3f (each replica limiting alone "
                        + "would allow %.0f)%n", replicas, perMinute, seconds, admitted.get(), refused.get(), allowed,
                perMinute, allowed - perMinute, ratio, replicas * allowed);
        assertTrue(refused.get() > 0, "the load went over the limit");
        assertTrue(ratio > 0.9 && ratio < 1.1, "admitted " + admitted.get() + " of " + allowed);
    }

    /**
     * Writes a copy of the served test bundle for a site into every replica's data directory (as a shared volume
     * would hold it), promotes it on one replica and measures how long until every replica scores the site's
     * comments with it.
     *
     * @param siteId  the site (its own bundle leaves every other site's scores alone)
     * @param version the copy's version
     * @param on      the replica the admin promotes it on
     * @return the seconds until the last replica had it live
     */
    public double promotionReachesEveryReplica(String siteId, String version, int on) throws Exception {
        for (int i = 0; i < cluster.size(); i++) {
            siteCopy(cluster.dataDirectory(i).resolve("models"), siteId, version);
        }
        HttpResponse<String> activated = cluster.client(on).send(adminKey, "POST",
                "/api/v1/admin/models/" + version + "/activate", Map.of());
        assertEquals(200, activated.statusCode(), activated.body());
        long start = System.nanoTime();
        boolean[] live = new boolean[cluster.size()];
        double lastSeconds = 0;
        while (true) {
            boolean all = true;
            for (int i = 0; i < cluster.size(); i++) {
                if (!live[i]) {
                    HttpResponse<String> scored = cluster.client(i).send(adminKey, "POST", "/api/v1/classify",
                            Map.of("text", "The new harbour wall looks solid.", "siteId", siteId));
                    assertEquals(200, scored.statusCode(), scored.body());
                    live[i] = version.equals(ServiceClient.json(scored).path("modelVersion").asText());
                    lastSeconds = (System.nanoTime() - start) / 1e9;
                }
                all &= live[i];
            }
            if (all) {
                break;
            }
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "promotion not live on every replica within 5 s");
            Thread.sleep(100);
        }
        System.out.printf("ClusterPromises: bundle %s promoted for site %s on replica %d, live on all %d replicas after "
                + "%.1f s%n", version, siteId, on, cluster.size(), lastSeconds);
        return lastSeconds;
    }

    /** A copy of the served test bundle's files with a manifest of its own (version, site). */
    private static void siteCopy(Path models, String siteId, String version) throws IOException {
        Path source;
        try (Stream<Path> bundles = Files.list(models)) {
            source = bundles.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("manifest.json")))
                    .filter(d -> !d.getFileName().toString().equals(version))
                    .filter(d -> {
                        try {
                            return !JSON.readTree(d.resolve("manifest.json").toFile()).hasNonNull("siteId");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).findFirst().orElseThrow();
        }
        Path target = models.resolve(version);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(target.resolve("manifest.json").toFile());
        manifest.put("version", version);
        manifest.put("siteId", siteId);
        JSON.writerWithDefaultPrettyPrinter().writeValue(target.resolve("manifest.json").toFile(), manifest);
    }

    private RawHttp.Answer rawSignIn(int replica, String key, String from) throws IOException {
        String body = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        return RawHttp.send(cluster.address(replica).getPort(), RawHttp.latin1("POST /dashboard/sign-in HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body), from);
    }

    private HttpResponse<String> bearer(int replica, String key, String method, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(cluster.address(replica).resolve(path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + key).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> withSession(int replica, String cookie, String csrf, String method, String path)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(cluster.address(replica).resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Cookie", "moderato_session=" + cookie);
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

    private HttpResponse<String> form(int replica, String cookie, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(cluster.address(replica).resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", "moderato_session=" + cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in on a replica as a browser does; returns the session cookie's value. */
    private String signIn(int replica, String key) throws IOException, InterruptedException {
        HttpResponse<String> response = form(replica, null, "/dashboard/sign-in", "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        assertEquals(303, response.statusCode(), response.body());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring("moderato_session=".length(), setCookie.indexOf(';'));
    }

    /** The session's CSRF token, as a page served by the given replica embeds it. */
    private String csrfToken(int replica, String cookie) throws IOException, InterruptedException {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(cluster.address(replica).resolve("/dashboard/queue"))
                .header("Cookie", "moderato_session=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "the session opened elsewhere is known here");
        Matcher csrf = CSRF.matcher(page.body());
        assertTrue(csrf.find(), "the page embeds the CSRF token");
        return csrf.group(1);
    }
}
