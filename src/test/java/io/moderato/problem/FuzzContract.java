package io.moderato.problem;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.moderato.Jobs;
import io.moderato.LogCapture;
import io.moderato.RawHttp;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded fuzz suite: {@value #REQUESTS} malformed requests, generated from valid ones, across every endpoint,
 * sent over raw sockets (so nothing tidies them up on the way). Every answer must be a status below 500 on a
 * connection that was not dropped; every error must carry a problem detail ({@code application/problem+json}), or
 * Google's error format under {@code /v1alpha1}, or (dashboard pages only: 401, 403, 429) the HTML page a browser is shown. The
 * service must log no error and no stack trace meanwhile, and be healthy afterwards. The seed is fixed
 * ({@code -Dmoderato.fuzz.seed=N} picks another) and each failure names the request that caused it.
 * <p>
 * One family is asserted more weakly: requests whose framing is broken before HTTP routing (a header line
 * without a colon, a non-numeric Content-Length, a path with a broken percent escape that the HTTP layer refuses)
 * must be answered 400, but by the HTTP layer (Vert.x), whose answer has no body.
 */
abstract class FuzzContract {

    static final int REQUESTS = 2400;
    static final long SEED = Long.getLong("moderato.fuzz.seed", 20261206L);

    private record Endpoint(String method, String path, String body) {
    }

    /** @param body the body as sent (null for none, and for the framing and oversized families) */
    private record Sent(String description, byte[] bytes, String path, boolean framing, byte[] body) {
    }

    /** Re-scoring: a valid request starts a job (an empty body one over every site), so its answers are checked more. */
    private static final String RESCORE = "/api/v1/admin/comments:rescore";
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @Test
    void malformedRequestsNeverBreakTheService() throws IOException {
        String site = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = key("admin", site);
        String moderator = key("moderator", site);
        String client = key("client", site);
        asAdmin().body(Map.of("siteId", site, "id", "c1", "article", Map.of("id", "a1"), "author", Map.of("id", "u1"),
                "text", "The council meets on Tuesday.")).post("/api/v1/comments").then().statusCode(201);
        List<Endpoint> endpoints = endpoints(site);
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> rescoreJobs = new ArrayList<>();
        try (LogCapture log = LogCapture.open()) {
            for (int i = 0; i < REQUESTS; i++) {
                Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
                String key = switch (random.nextInt(10)) {
                    case 0 -> client;
                    case 1 -> moderator;
                    default -> admin;
                };
                Sent sent = mutate(endpoint, key, admin, random);
                // From an address of its own: the failed dashboard sign-ins lock that address out, not other tests'.
                RawHttp.Answer answer = RawHttp.send(RestAssured.port, sent.bytes(), "127.0.0.3");
                statuses.merge(answer.status(), 1, Integer::sum);
                String problem = judge(sent, answer);
                if (problem == null && answer.status() == 202 && normalized(sent.path()).equals(RESCORE)) {
                    rescoreJobs.add(STRICT.readTree(answer.body()).path("jobId").asText());
                }
                if (problem != null) {
                    failures.add("#" + i + " " + sent.description() + " -> " + answer.status() + " " + answer.mediaType()
                            + " " + abbreviate(answer.body()) + ": " + problem);
                }
            }
            // The re-scoring jobs started by well-formed requests (some over every site, from an empty body) run one
            // at a time in the background: stop those still queued or running, so that none outlives this test and
            // touches another test's comments, and check that none failed.
            List<String> failedJobs = new ArrayList<>();
            for (String jobId : rescoreJobs) {
                asAdmin().delete("/api/v1/admin/jobs/{id}", jobId);
            }
            for (String jobId : rescoreJobs) {
                String status = Jobs.finished(jobId).getString("status");
                if (!status.equals("SUCCEEDED") && !status.equals("CANCELLED")) {
                    failedJobs.add(jobId + " " + status);
                }
            }
            assertEquals(List.of(), failures.stream().limit(30).toList(), failures.size() + " of " + REQUESTS + " requests failed");
            assertEquals(List.of(), failedJobs, "re-scoring jobs started by the fuzzing");
            assertEquals(List.of(), log.problems(), "client errors must not be logged as errors or with stack traces");
        }
        assertTrue(statuses.keySet().stream().anyMatch(s -> s >= 400), "the fuzzing produced errors: " + statuses);
        RestAssured.get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        asAdmin().body(Map.of("text", "Still working after all that?")).post("/api/v1/classify").then().statusCode(200);
    }

    private static String key(String role, String site) {
        return asAdmin().body(Map.of("name", "fuzz-" + role + "-" + site, "role", role, "rateLimitPerMinute", 1_000_000))
                .post("/api/v1/admin/keys").then().statusCode(201).extract().path("key");
    }

    private static List<Endpoint> endpoints(String site) {
        String comment = "{\"siteId\":\"" + site + "\",\"id\":\"c2\",\"article\":{\"id\":\"a1\",\"url\":\"https://news.example/a1\","
                + "\"title\":\"Budget\"},\"author\":{\"id\":\"u2\",\"displayName\":\"Reader\"},\"text\":\"A fair point about the budget.\","
                + "\"createdAt\":\"2026-11-24T10:00:00Z\",\"parentId\":\"c1\"}";
        String decision = "{\"decision\":\"APPROVE\",\"reason\":\"ok\",\"note\":\"fine\",\"expectedRevision\":1,\"expectedStatus\":\"REVIEW\"}";
        String policy = "{\"thresholds\":{\"toxicity\":{\"review\":0.7,\"reject\":0.95}},\"bannedWords\":[\"spamword\"],"
                + "\"suspectWords\":[\"hold\"],\"links\":\"REVIEW\",\"preModerateNewCommenters\":false,\"repeatWindowHours\":24}";
        String analyze = "{\"comment\":{\"text\":\"You are wrong about this.\"},\"requestedAttributes\":{\"TOXICITY\":{}},"
                + "\"languages\":[\"en\"],\"doNotStore\":true}";
        return List.of(
                new Endpoint("POST", "/api/v1/classify", "{\"text\":\"hello there\",\"context\":{\"articleTitle\":\"Budget\",\"articleText\":\"Text\"}}"),
                new Endpoint("POST", "/api/v1/classify/batch", "{\"items\":[{\"id\":\"a\",\"text\":\"one\"},{\"id\":\"b\",\"text\":\"two\"}]}"),
                new Endpoint("POST", "/api/v1/comments", comment),
                new Endpoint("GET", "/api/v1/comments/" + site + "/c1", null),
                new Endpoint("GET", "/api/v1/queue?siteId=" + site + "&status=REVIEW&topic=medtop:11000000&attribute=toxicity&sort=time&limit=10", null),
                new Endpoint("POST", "/api/v1/queue/claim", "{\"siteId\":\"" + site + "\",\"count\":2,\"durationSeconds\":60}"),
                new Endpoint("POST", "/api/v1/queue/release", "{\"siteId\":\"" + site + "\"}"),
                new Endpoint("POST", "/api/v1/comments/" + site + "/c1/decision", decision),
                new Endpoint("POST", "/api/v1/decisions", "{\"siteId\":\"" + site + "\",\"decisions\":[{\"id\":\"c1\",\"decision\":\"REJECT\"}]}"),
                new Endpoint("POST", "/api/v1/comments/" + site + "/c1/undo", ""),
                new Endpoint("GET", "/api/v1/authors/" + site + "/u1?limit=5", null),
                new Endpoint("GET", "/api/v1/articles/" + site + "/a1/comments", null),
                new Endpoint("GET", "/api/v1/sites", null),
                new Endpoint("GET", "/api/v1/audit?siteId=" + site + "&from=2026-01-01T00:00:00Z&limit=5", null),
                new Endpoint("GET", "/api/v1/admin/sites/" + site + "/policy", null),
                new Endpoint("PUT", "/api/v1/admin/sites/" + site + "-p/policy", policy),
                new Endpoint("PATCH", "/api/v1/admin/sites/" + site + "-p/policy", "{\"links\":\"ALLOW\"}"),
                new Endpoint("POST", "/api/v1/admin/keys", "{\"name\":\"made-by-fuzz\",\"role\":\"client\",\"expiresAt\":\"2099-01-01T00:00:00Z\",\"rateLimitPerMinute\":10}"),
                new Endpoint("GET", "/api/v1/admin/keys", null),
                new Endpoint("DELETE", "/api/v1/admin/keys/nosuchkey", null),
                new Endpoint("GET", "/api/v1/admin/models", null),
                new Endpoint("GET", "/api/v1/admin/models/nosuchversion", null),
                new Endpoint("POST", "/api/v1/admin/models/nosuchversion/activate", ""),
                new Endpoint("POST", "/api/v1/admin/models/nosuchversion/activate", "{\"force\":true}"),
                new Endpoint("GET", "/api/v1/admin/models/nosuchversion/bias", null),
                new Endpoint("GET", "/api/v1/admin/jobs", null),
                new Endpoint("GET", "/api/v1/admin/jobs/nosuchjob", null),
                new Endpoint("DELETE", "/api/v1/admin/jobs/nosuchjob", null),
                // A period in which nothing was received: the jobs that well-formed requests start read little.
                new Endpoint("POST", RESCORE, "{\"siteId\":\"" + site + "\",\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-02T00:00:00Z\"}"),
                new Endpoint("GET", "/api/v1/admin/sites/" + site + "/labels", null),
                new Endpoint("GET", "/api/v1/admin/sites/" + site + "/labels:export", null),
                new Endpoint("DELETE", "/api/v1/admin/sites/" + site + "/labels?source=IMPORT&sourceRef=nosuchjob", null),
                new Endpoint("GET", "/api/v1/stats?siteId=" + site + "&from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&bucket=hour", null),
                new Endpoint("POST", "/api/v1/admin/webhooks", "{\"url\":\"ftp://not-http.example/\",\"events\":[],\"siteId\":\"" + site + "\",\"active\":false}"),
                new Endpoint("GET", "/api/v1/admin/webhooks", null),
                new Endpoint("GET", "/api/v1/admin/webhooks/999999", null),
                new Endpoint("PUT", "/api/v1/admin/webhooks/999999", "{\"url\":\"https://hooks.example/x\",\"events\":[\"comment.held\"],\"active\":false}"),
                new Endpoint("DELETE", "/api/v1/admin/webhooks/999999", null),
                new Endpoint("POST", "/api/v1/admin/webhooks/999999/rotate-secret", ""),
                new Endpoint("GET", "/api/v1/admin/webhooks/999999/deliveries?limit=5", null),
                new Endpoint("POST", "/v1alpha1/comments:analyze", analyze),
                new Endpoint("POST", "/v1alpha1/comments:suggestscore", "{\"comment\":{\"text\":\"x\"},\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":{\"value\":0.2}}}}"),
                new Endpoint("GET", "/$discovery/rest?version=v1alpha1", null),
                new Endpoint("POST", "/api/v1/coral/moderate", "{\"action\":\"NEW\",\"comment\":{\"id\":\"k1\",\"body\":\"Hello\"}}"),
                new Endpoint("POST", "/dashboard/sign-in", "key=not-a-key"),
                new Endpoint("POST", "/dashboard/sign-out", "csrf=x"),
                new Endpoint("GET", "/dashboard/queue", null),
                new Endpoint("GET", "/q/health/ready", null));
    }

    private static final String[] WRONG_VALUES = {"123", "-1", "1e400", "true", "null", "[]", "{}", "\"\"", "\"x\"",
            "[1,2]", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\"", "99999999999999999999999", "0.5", "\"APPROVE\"",
            "\"not-an-enum\"", "\"1969-12-31T00:00:00Z\"", "\"2026-13-45\""};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "a/b/c", "", "application/json; charset=ebcdic", "*/*"};
    private static final String[] PATH_SEGMENTS = {"%00", "%ED%A0%80", "%C3%28", "..", "%2F", "%20", "x".repeat(3000),
            "%F0%9F%98%80", "~", "a;b=c", "%2e%2e"};
    private static final String[] QUERY_VALUES = {"abc", "1e3", "2147483648", "-5", "0", "%00", "%ED%A0%80", "",
            "1969-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "FOO", "%E2%80%AE", "y".repeat(2000)};
    private static final String[] QUERY_NAMES = {"limit", "siteId", "status", "sort", "cursor", "from", "to", "bucket",
            "attribute", "topic", "articleId", "actor", "action", "commentId", "version", "key"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "FOO"};

    private static Sent mutate(Endpoint endpoint, String key, String admin, Random random) {
        String method = endpoint.method();
        String path = endpoint.path();
        String body = endpoint.body();
        String contentType = path.startsWith("/dashboard") ? "application/x-www-form-urlencoded" : "application/json";
        String authorization = "Bearer " + key;
        String transfer = null;
        byte[] rawBody = null;
        boolean framing = false;
        String kind;
        int family = random.nextInt(body != null && !body.isEmpty() ? 10 : 6);
        switch (family) {
            case 0 -> {
                kind = "wrong method";
                method = METHODS[random.nextInt(METHODS.length)];
            }
            case 1 -> {
                kind = "odd path segment";
                String[] parts = path.split("\\?", 2);
                String[] segments = parts[0].split("/");
                int at = 1 + random.nextInt(segments.length - 1);
                segments[at] = PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)];
                path = String.join("/", segments) + (parts.length > 1 ? "?" + parts[1] : "");
            }
            case 2 -> {
                kind = "odd query";
                path += (path.contains("?") ? "&" : "?") + QUERY_NAMES[random.nextInt(QUERY_NAMES.length)] + "="
                        + QUERY_VALUES[random.nextInt(QUERY_VALUES.length)];
            }
            case 3 -> {
                kind = "odd authorization";
                authorization = switch (random.nextInt(7)) {
                    case 0 -> null;
                    case 1 -> "Bearer";
                    case 2 -> "Basic dXNlcjpwYXNz";
                    case 3 -> "Bearer mod_" + "z".repeat(random.nextInt(40)) + "_secret";
                    case 4 -> "Bearer \u00ff\u00fe\u00e9";
                    case 5 -> "Bearer " + "k".repeat(5000);
                    default -> "Bearer mod_abc%00_x";
                };
            }
            case 4 -> {
                kind = "framing";
                framing = true;
                return new Sent(kind + " " + method + " " + path, RawHttp.latin1(switch (random.nextInt(3)) {
                    case 0 -> method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nBad Header Line\r\nConnection: close\r\n\r\n";
                    case 1 -> "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 12abc\r\nConnection: close\r\n\r\n{}";
                    default -> method + " " + path.replaceFirst("/", "/%z") + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
                }), path, true, null);
            }
            case 5 -> {
                kind = "oversized declared body";
                method = "POST";
                rawBody = "{}".getBytes(StandardCharsets.UTF_8);
                return new Sent(kind + " " + path, RawHttp.latin1("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: " + authorization + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + (60_000_000L + random.nextInt(1000)) + "\r\nConnection: close\r\n\r\n{}"), path, false, null);
            }
            case 6 -> {
                kind = "wrong content type";
                contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            }
            case 7 -> {
                // With the admin key: a request refused before its body is read (401, 403) and whose body then
                // fails is closed unanswered when the refusal was written from a worker thread (see HttpLimits).
                kind = "malformed chunked body";
                transfer = "chunked";
                authorization = "Bearer " + admin;
                String size = switch (random.nextInt(3)) {
                    case 0 -> "ZZ";
                    case 1 -> "-1";
                    default -> "1;" + "\u0001";
                };
                rawBody = RawHttp.latin1("1\r\n{\r\n" + size + "\r\n" + "x".repeat(3) + "\r\n0\r\n\r\n");
            }
            default -> {
                kind = "mangled body";
                rawBody = mangle(body, random);
            }
        }
        if (rawBody == null && body != null) {
            rawBody = body.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (path.startsWith("/api/v1/coral")) {
            head.append("X-Coral-Signature: ").append(random.nextBoolean() ? "t=1,s=abc" : "bad").append("\r\n");
        }
        if (rawBody != null) {
            if (!contentType.isEmpty()) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append(transfer != null ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + rawBody.length + "\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (rawBody != null) {
            request.writeBytes(rawBody);
        }
        String shown = new String(rawBody == null ? new byte[0] : rawBody, StandardCharsets.ISO_8859_1);
        return new Sent(kind + " " + method + " " + abbreviate(path) + " " + abbreviate(shown), request.toByteArray(), path, framing,
                transfer != null ? null : rawBody);
    }

    /** One mutation of a valid JSON (or form) body. */
    private static byte[] mangle(String body, Random random) {
        int at = random.nextInt(body.length());
        String mangled = switch (random.nextInt(10)) {
            case 0 -> body.substring(0, at);
            case 1 -> body.substring(0, at) + (char) random.nextInt(32) + body.substring(at);
            case 2 -> {
                int colon = body.indexOf("\":", at);
                if (colon < 0) {
                    colon = body.indexOf("\":");
                }
                int start = colon < 0 ? -1 : body.lastIndexOf('"', colon - 1);
                int end = body.lastIndexOf('}');
                yield start < 0 ? body + body : body.substring(0, end) + "," + body.substring(start, colon) + "\":"
                        + WRONG_VALUES[random.nextInt(WRONG_VALUES.length)] + body.substring(end);
            }
            case 3 -> {
                int colon = body.indexOf("\":", at);
                if (colon < 0) {
                    yield "[" + body + "]";
                }
                int valueStart = colon + 2;
                int valueEnd = valueEnd(body, valueStart);
                yield body.substring(0, valueStart) + WRONG_VALUES[random.nextInt(WRONG_VALUES.length)] + body.substring(valueEnd);
            }
            case 4 -> "[".repeat(3000 + random.nextInt(3000)) + "]".repeat(10);
            case 5 -> {
                int quote = body.indexOf('"', at);
                yield quote < 0 ? body + "\\" : body.substring(0, quote + 1) + "x".repeat(30_000 + random.nextInt(30_000)) + body.substring(quote + 1);
            }
            case 6 -> List.of("", "null", "[]", "\"x\"", "123", "{", "}", "{}{}", "{\"\":1}", "\ufeff{}").get(random.nextInt(10));
            case 7 -> {
                int quote = body.indexOf('"', at);
                yield quote < 0 ? body : body.substring(0, quote + 1) + "\\u0000\\ud800" + body.substring(quote + 1);
            }
            case 8 -> body.replace("\"", "'");
            default -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                byte[] bad = new byte[bytes.length + 2];
                System.arraycopy(bytes, 0, bad, 0, at);
                bad[at] = (byte) 0xC3;
                bad[at + 1] = (byte) 0x28;
                System.arraycopy(bytes, at, bad, at + 2, bytes.length - at);
                yield new String(bad, StandardCharsets.ISO_8859_1);
            }
        };
        return mangled.getBytes(mangled.chars().allMatch(c -> c < 256) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static int valueEnd(String body, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return body.length();
    }

    /** @return why the answer is wrong, or null when it is right */
    private static String judge(Sent sent, RawHttp.Answer answer) {
        if (answer.status() == -1) {
            return "the connection was dropped without an answer";
        }
        if (answer.status() >= 500) {
            return "server error";
        }
        if (sent.framing()) {
            return answer.status() == 400 ? null : "broken framing must get 400";
        }
        String path = normalized(sent.path());
        if (path.equals(RESCORE) && answer.status() < 400) {
            return answer.status() != 202 || sent.body() == null ? "a job was started from a body that was not read whole"
                    : rescoreRequestProblem(sent.body());
        }
        if (answer.status() < 400) {
            return null;
        }
        if (path.equals(RESCORE) && answer.status() == 400) {
            String field = readTree(answer.body()).path("errors").path(0).path("field").asText("");
            String reason = readTree(answer.body()).path("errors").path(0).path("reason").asText("");
            if (field.isEmpty() || reason.isEmpty()) {
                return "a refused re-scoring must name the field and the reason";
            }
        }
        if (path.startsWith("/v1alpha1/")) {
            return answer.mediaType().equals("application/json") && answer.body().startsWith("{\"error\":")
                    ? null : "not Google's error format";
        }
        if (path.startsWith("/dashboard/") && answer.mediaType().equals("text/html")
                && (answer.status() == 401 || answer.status() == 403 || answer.status() == 429)) {
            return null;
        }
        return answer.mediaType().equals("application/problem+json") && answer.body().contains("\"status\":" + answer.status())
                ? null : "not a problem detail";
    }

    /**
     * @param body a body the service answered with a re-scoring job
     * @return why it should have been refused, or null when it is a well-formed request: empty (every site), or a
     * JSON object of {@code siteId}, {@code from} and {@code to}, each a string or null, no key twice, the times
     * ISO-8601 instants
     */
    private static String rescoreRequestProblem(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        JsonNode request;
        try {
            request = STRICT.readTree(body);
        } catch (IOException e) {
            return "a job was started from a malformed body";
        }
        if (request == null || !request.isObject()) {
            return "a job was started from a body that is not a JSON object";
        }
        for (Map.Entry<String, JsonNode> field : request.properties()) {
            if (!List.of("siteId", "from", "to").contains(field.getKey())) {
                return "a job was started from a body with an unknown field " + field.getKey();
            }
            if (!field.getValue().isNull() && !field.getValue().isTextual()) {
                return "a job was started with " + field.getKey() + " of the wrong type";
            }
            String text = field.getValue().asText();
            if (text.chars().anyMatch(c -> c == 0 || Character.isSurrogate((char) c))) {
                return "a job was started with " + field.getKey() + " holding a NUL or a surrogate";
            }
            if (!field.getKey().equals("siteId") && field.getValue().isTextual()) {
                try {
                    java.time.Instant.parse(text);
                } catch (java.time.format.DateTimeParseException e) {
                    return "a job was started with " + field.getKey() + " not an instant";
                }
            }
        }
        return null;
    }

    private static JsonNode readTree(String json) {
        try {
            return STRICT.readTree(json);
        } catch (IOException e) {
            return STRICT.createObjectNode();
        }
    }

    /** @return the path as the server reads it: "/v1alpha1/.." is "/" */
    private static String normalized(String pathAndQuery) {
        String path = pathAndQuery.split("\\?", 2)[0].replaceAll("(?i)%2e", ".");
        try {
            return java.net.URI.create("http://localhost" + path.replace("%", "%25")).normalize().getPath().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return path.toLowerCase(Locale.ROOT);
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("[\\r\\n]+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "...";
    }
}
