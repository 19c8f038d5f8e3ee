package io.moderato.labels.rest;

import io.moderato.Jobs;
import io.moderato.RawHttp;
import io.moderato.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A labelled file larger than any other request may be (every other body is held to
 * {@code moderato.http.max-body-size}, 50 MB) is accepted by {@code labels:import}, streamed to disk and read row by
 * row; the other endpoints keep their limit.
 */
@QuarkusTest
class LargeUploadTest {

    private static final long OTHER_LIMIT = 50L * 1024 * 1024;

    @Test
    void aFileLargerThanTheOtherEndpointsLimitImports() throws IOException {
        Path file = Files.createTempFile("large-labels", ".csv");
        int longRows = 0;
        try {
            // Five labels, then rows whose text is longer than a comment may be (skipped and reported), until the
            // file is past the limit every other endpoint has.
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("comment_text,toxic\r\n");
                for (int i = 0; i < 5; i++) {
                    out.write("\"ordinary comment number " + i + ", about the match\"," + (i % 2) + "\r\n");
                }
                String longText = "words and more words ".repeat(15_000);
                while (Files.size(file) <= OTHER_LIMIT + 1_000_000) {
                    out.write("\"" + longText + "\",1\r\n");
                    longRows++;
                    out.flush();
                }
            }
            String site = "large-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            String jobId = RestAssured.given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                    .multiPart("file", file.toFile(), "text/csv")
                    .multiPart("mapping", "{\"format\": \"csv\", \"text\": \"comment_text\", \"labels\": "
                            + "{\"toxicity\": {\"column\": \"toxic\"}}}", "application/json")
                    .post("/api/v1/admin/sites/{site}/labels:import", site).then().statusCode(202)
                    .extract().path("jobId");
            JsonPath job = Jobs.finished(jobId);
            assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
            assertEquals(5 + longRows, job.getInt("result.read"));
            assertEquals(5, job.getInt("result.imported"));
            assertEquals(longRows, job.getInt("result.skipped"));
            assertTrue(job.getString("result.errors[0].reason").startsWith("text longer than"), job.prettify());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void otherEndpointsKeepTheirLimitAndAnUploadHasOne() throws IOException {
        RawHttp.Answer classify = RawHttp.send(RestAssured.port, RawHttp.latin1("POST /api/v1/classify HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TestKeys.ADMIN + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (OTHER_LIMIT + 1) + "\r\nConnection: close\r\n\r\n{}"));
        assertEquals(413, classify.status());
        assertEquals("application/problem+json", classify.mediaType());
        RawHttp.Answer upload = RawHttp.send(RestAssured.port, RawHttp.latin1("POST /api/v1/admin/sites/s1/labels:import "
                + "HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestKeys.ADMIN + "\r\n"
                + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (3L * 1024 * 1024 * 1024)
                + "\r\nConnection: close\r\n\r\n--x"));
        assertEquals(413, upload.status());
        assertEquals("application/problem+json", upload.mediaType());

        // Without a declared length (chunked), the body is held to the same limit as it is read.
        int chunk = (int) OTHER_LIMIT + 1_000_000;
        byte[] head = RawHttp.latin1("POST /api/v1/classify/batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestKeys.ADMIN + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + Integer.toHexString(chunk) + "\r\n{\"items\": [");
        // The chunk: the opening (11 bytes, in head), spaces, "]}"; then the chunk's end and the last chunk.
        byte[] request = java.util.Arrays.copyOf(head, head.length + (chunk - 11 - 2) + 9);
        java.util.Arrays.fill(request, head.length, request.length, (byte) ' ');
        System.arraycopy(RawHttp.latin1("]}\r\n0\r\n\r\n"), 0, request, request.length - 9, 9);
        RawHttp.Answer chunked = RawHttp.send(RestAssured.port, request);
        assertEquals(413, chunked.status());
        assertEquals("application/problem+json", chunked.mediaType(), "the refusal is a problem detail: " + chunked);
        assertTrue(chunked.body().contains("at most " + OTHER_LIMIT + " are accepted"), chunked.body());
    }
}
