package io.moderato.metrics;

import io.moderato.RawHttp;
import io.moderato.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's HTTP metrics, scraped as Prometheus does, after requests no route took. */
@QuarkusTest
class HttpMetricsTest {

    @Test
    void refusedRequestsDoNotPutTheirPathsInTheMetrics() throws Exception {
        String id = "probe" + UUID.randomUUID().toString().replace("-", "");
        TestKeys.asAdmin().patch("/api/v1/comments/site-" + id + "/" + id).then().statusCode(405);
        TestKeys.asAdmin().delete("/api/v1/comments/site-" + id + "/" + id).then().statusCode(405);
        // Refused by Vert.x before any route: a header line without a colon.
        RawHttp.Answer malformed = RawHttp.send(RestAssured.port, RawHttp.latin1("GET /api/v1/comments/s/" + id
                + " HTTP/1.1\r\nHost: localhost\r\nBad Header Line\r\nConnection: close\r\n\r\n"));
        assertEquals(400, malformed.status());
        TestKeys.asAdmin().contentType("application/json").body("{\"text\": ").post("/api/v1/classify")
                .then().statusCode(400);

        given().get("/q/metrics").then().statusCode(200)
                .body(not(containsString(id)))
                .body(containsString("method=\"PATCH\",outcome=\"CLIENT_ERROR\",status=\"405\",uri=\"UNKNOWN\""))
                .body(containsString("method=\"POST\",outcome=\"CLIENT_ERROR\",status=\"400\",uri=\"/api/v1/classify\""));
    }
}
