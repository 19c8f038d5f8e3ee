package io.moderato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain HTTP client of a running Moderato (a separate process, not a {@code @QuarkusTest}): what the crash test
 * and the ingest load benchmark send. Thread-safe.
 */
public final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    /** @param base the service's address, e.g. {@code http://127.0.0.1:18082} */
    public ServiceClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * A comment as a site sends it, on article {@code articleId} by author {@code authorId}.
     *
     * @return the request body of {@code POST /api/v1/comments}
     */
    public static Map<String, Object> comment(String siteId, String id, String articleId, String authorId, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteId", siteId);
        body.put("id", id);
        body.put("article", Map.of("id", articleId, "url", "https://news.example/" + articleId, "title", "Article " + articleId));
        body.put("author", Map.of("id", authorId, "displayName", "Reader " + authorId));
        body.put("text", text);
        return body;
    }

    /**
     * Creates an API key through the admin API.
     *
     * @param adminKey           an admin key (e.g. the bootstrap key)
     * @param role               client, moderator or admin
     * @param rateLimitPerMinute the key's own request budget
     * @return the full key
     */
    public String createKey(String adminKey, String role, String name, int rateLimitPerMinute) throws IOException, InterruptedException {
        HttpResponse<String> response = send(adminKey, "POST", "/api/v1/admin/keys",
                Map.of("name", name, "role", role, "rateLimitPerMinute", rateLimitPerMinute));
        if (response.statusCode() != 201) {
            throw new IOException("creating a key answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("key").asText();
    }

    /** @return the answer to {@code POST /api/v1/comments} */
    public HttpResponse<String> ingest(String key, Map<String, Object> comment) throws IOException, InterruptedException {
        return send(key, "POST", "/api/v1/comments", comment);
    }

    /** @return the answer to {@code GET /api/v1/comments/{siteId}/{id}} */
    public HttpResponse<String> get(String key, String siteId, String id) throws IOException, InterruptedException {
        return send(key, "GET", "/api/v1/comments/" + siteId + "/" + id, null);
    }

    /** @return true when {@code /q/health/ready} answers UP */
    public boolean ready() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * @param response an answer with a JSON body
     * @return the body, parsed
     */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param key    an API key
     * @param method the HTTP method
     * @param path   the path and query
     * @param body   a JSON-able body; null for a GET
     * @return the answer
     */
    public HttpResponse<String> send(String key, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
