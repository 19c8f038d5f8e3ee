package io.moderato.problem;

import io.moderato.Jobs;
import io.moderato.LogCapture;
import io.moderato.RawHttp;
import io.moderato.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body sent without a declared length (chunked) is held to the same limits as a declared one, counted as it
 * arrives, and refused with a problem detail naming the limit (Google's error format under {@code /v1alpha1}): every
 * body but a labelled file's import to {@code moderato.http.max-body-size}, the import to
 * {@code quarkus.http.limits.max-body-size}. Both limits are lowered here (1 MiB, 3 MiB), so that the bodies are small.
 */
@QuarkusTest
@TestProfile(ChunkedBodyLimitTest.SmallLimits.class)
class ChunkedBodyLimitTest {

    static final long LIMIT = 1024 * 1024;
    static final long UPLOAD_LIMIT = 3 * 1024 * 1024;

    /** The two body limits, lowered. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moderato.http.max-body-size", "1M", "quarkus.http.limits.max-body-size", "3M");
        }
    }

    /** A chunked request: its body in chunks of 64 KiB, {@code open}, then spaces, then {@code close}. */
    private static RawHttp.Answer chunked(String path, String contentType, String open, String close, long size)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(open.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(" ".repeat((int) (size - open.length() - close.length())).getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(close.getBytes(StandardCharsets.UTF_8));
        return sendChunked(path, contentType, body.toByteArray());
    }

    private static RawHttp.Answer sendChunked(String path, String contentType, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(RawHttp.latin1("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestKeys.ADMIN + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n"));
        for (int at = 0; at < body.length; at += 65536) {
            int length = Math.min(65536, body.length - at);
            request.writeBytes(RawHttp.latin1(Integer.toHexString(length) + "\r\n"));
            request.write(body, at, length);
            request.writeBytes(RawHttp.latin1("\r\n"));
        }
        request.writeBytes(RawHttp.latin1("0\r\n\r\n"));
        return RawHttp.send(RestAssured.port, request.toByteArray());
    }

    private static void assertProblem(RawHttp.Answer answer, long limit) {
        assertEquals(413, answer.status(), answer.toString());
        assertEquals("application/problem+json", answer.mediaType(), answer.toString());
        JsonPath problem = new JsonPath(answer.body());
        assertEquals(413, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("at most " + limit + " are accepted"), answer.body());
    }

    @Test
    void aChunkedBodyOverTheLimitGetsAProblemDetail() throws IOException {
        try (LogCapture log = LogCapture.open()) {
            assertProblem(chunked("/api/v1/classify/batch", "application/json", "{\"items\": [", "]}", LIMIT + 100_000), LIMIT);
            assertProblem(chunked("/api/v1/classify", "application/json", "{\"text\": \"hello\"", "}", LIMIT + 1), LIMIT);
            assertProblem(chunked("/api/v1/admin/comments:rescore", "application/json", "{", "}", 2 * LIMIT), LIMIT);
            assertProblem(chunked("/dashboard/sign-in", "application/x-www-form-urlencoded", "key=", "", LIMIT + 1), LIMIT);
            RawHttp.Answer analyze = chunked("/v1alpha1/comments:analyze", "application/json", "{", "}", LIMIT + 1);
            assertEquals(413, analyze.status(), analyze.toString());
            assertEquals("application/json", analyze.mediaType());
            assertTrue(analyze.body().startsWith("{\"error\":") && analyze.body().contains("at most " + LIMIT), analyze.body());

            // Just under the limit, the same kind of body is read as usual.
            RawHttp.Answer classify = chunked("/api/v1/classify", "application/json", "{\"text\": \"hello\"", "}", LIMIT);
            assertEquals(200, classify.status(), classify.toString());
            assertEquals(List.of(), log.problems(), "a refused body is not a server error");
        }
    }

    @Test
    void aLabelledFileHasItsOwnLimitWhenChunkedToo() throws IOException {
        // A file between the two limits imports: five labels, then rows longer than a comment may be (skipped).
        StringBuilder csv = new StringBuilder("comment_text,toxic\r\n");
        for (int i = 0; i < 5; i++) {
            csv.append("\"ordinary comment number ").append(i).append(", about the match\",").append(i % 2).append("\r\n");
        }
        String longRow = "\"" + "words and more words ".repeat(15_000) + "\",1\r\n";
        int longRows = 0;
        while (csv.length() < 2 * LIMIT) {
            csv.append(longRow);
            longRows++;
        }
        String site = "chunked-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/v1/admin/sites/" + site + "/labels:import";
        RawHttp.Answer accepted = sendChunked(path, "multipart/form-data; boundary=x", multipart(csv.toString()));
        assertEquals(202, accepted.status(), accepted.toString());
        JsonPath job = Jobs.finished(new JsonPath(accepted.body()).getString("jobId"));
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(5, job.getInt("result.imported"));
        assertEquals(longRows, job.getInt("result.skipped"));

        while (csv.length() < UPLOAD_LIMIT + 100_000) {
            csv.append(longRow);
        }
        try (LogCapture log = LogCapture.open()) {
            assertProblem(sendChunked(path, "multipart/form-data; boundary=x", multipart(csv.toString())), UPLOAD_LIMIT);
            assertEquals(List.of(), log.problems(), "a refused body is not a server error");
        }
    }

    private static byte[] multipart(String csv) {
        return ("--x\r\nContent-Disposition: form-data; name=\"mapping\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"format\": \"csv\", \"text\": \"comment_text\", \"labels\": {\"toxicity\": {\"column\": \"toxic\"}}}\r\n"
                + "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"labels.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--x--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
