package io.moderato.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.moderato.classification.rest.ClassifyResource;
import io.moderato.comment.rest.CommentResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code uri} label of HTTP metrics: routes keep theirs, raw paths of refused requests become one label. */
class HttpUriTagsTest {

    private final HttpUriTags tags = new HttpUriTags(Set.of("/api/v1/classify", "/api/v1/comments"));

    @Test
    void anErrorOnAPathNoRouteMatchedIsCountedUnderOneLabel() {
        assertEquals(HttpUriTags.UNMATCHED, uri(tags.map(request("/api/v1/comments/site-1/c-81", "405"))));
        assertEquals(HttpUriTags.UNMATCHED, uri(tags.map(request("/%zapi/v1/queue", "400"))));
        assertEquals(HttpUriTags.UNMATCHED, uri(tags.map(request("/api/v1/admin/jobs/9f2c", "503"))));
    }

    @Test
    void routesKeepTheirLabelsWhateverTheStatus() {
        assertEquals("/api/v1/comments/{siteId}/{id}", uri(tags.map(request("/api/v1/comments/{siteId}/{id}", "405"))));
        assertEquals("/api/v1/classify", uri(tags.map(request("/api/v1/classify", "400"))));
        assertEquals("NOT_FOUND", uri(tags.map(request("NOT_FOUND", "404"))));
        assertEquals("root", uri(tags.map(request("root", "401"))));
    }

    @Test
    void successesAndOtherMetersAreLeftAlone() {
        assertEquals("/dashboard/app.css", uri(tags.map(request("/dashboard/app.css", "200"))));
        assertEquals("/old", uri(tags.map(request("/old", "302"))));
        Meter.Id other = new Meter.Id("http.client.requests", Tags.of("uri", "/x/1", "status", "500"), null, null,
                Meter.Type.TIMER);
        assertEquals(other, tags.map(other));
    }

    @Test
    void theOtherLabelsOfAMeterAreKept() {
        Meter.Id mapped = tags.map(request("/api/v1/comments/a/b", "405"));
        assertEquals("PATCH", mapped.getTag("method"));
        assertEquals("405", mapped.getTag("status"));
        assertEquals("CLIENT_ERROR", mapped.getTag("outcome"));
    }

    @Test
    void randomPathsOfErrorsNeverMakeMoreThanTheRoutesAndOneLabel() {
        Random random = new Random(20261206L);
        String alphabet = "abz09/%{}-_.:~";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder path = new StringBuilder("/");
            for (int c = random.nextInt(30); c > 0; c--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String status = String.valueOf(100 + random.nextInt(500));
            String uri = uri(tags.map(request(path.toString(), status)));
            if (status.charAt(0) == '4' || status.charAt(0) == '5') {
                assertTrue(uri.equals(HttpUriTags.UNMATCHED) || uri.contains("{")
                        || Set.of("/api/v1/classify", "/api/v1/comments").contains(uri), uri);
            } else {
                assertEquals(path.toString(), uri);
            }
        }
    }

    @Test
    void fixedPathsAreTheResourceMethodsWithoutPathParameters() {
        Set<String> paths = HttpUriTags.fixedPaths(List.of(ClassifyResource.class, CommentResource.class, String.class));
        assertTrue(paths.contains("/api/v1/classify"), paths.toString());
        assertTrue(paths.contains("/api/v1/classify/batch"), paths.toString());
        assertTrue(paths.contains("/api/v1/comments"), paths.toString());
        assertTrue(paths.stream().noneMatch(p -> p.contains("{") || p.endsWith("/") || p.contains("//")), paths.toString());
        assertFalse(paths.contains("/api/v1/comments/{siteId}/{id}"));
    }

    private static Meter.Id request(String uri, String status) {
        String outcome = status.startsWith("4") ? "CLIENT_ERROR" : status.startsWith("5") ? "SERVER_ERROR" : "SUCCESS";
        return new Meter.Id("http.server.requests",
                Tags.of("method", "PATCH", "outcome", outcome, "status", status, "uri", uri), "seconds", null,
                Meter.Type.TIMER);
    }

    private static String uri(Meter.Id id) {
        return id.getTag("uri");
    }
}
