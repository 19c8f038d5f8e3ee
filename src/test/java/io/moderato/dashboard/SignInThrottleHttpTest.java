package io.moderato.dashboard;

import io.moderato.RawHttp;
import io.moderato.TestKeys;
import io.moderato.access.repository.SignInFailureEntity;
import io.moderato.access.repository.SignInFailureRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed dashboard sign-ins from one address get slowed: from 127.0.0.2, so the lockout stays away from the other
 * tests (which sign in from 127.0.0.1).
 */
@QuarkusTest
class SignInThrottleHttpTest {

    @Inject
    SignInFailureRepository failures;

    private static RawHttp.Answer signIn(String key, String from) throws IOException {
        String body = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        return RawHttp.send(RestAssured.port, RawHttp.latin1("POST /dashboard/sign-in HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body), from);
    }

    @Test
    void repeatedFailuresAreRefusedEvenWithTheRightKey() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, signIn("wrong-key-" + i, "127.0.0.2").status());
        }
        RawHttp.Answer refused = signIn(TestKeys.ADMIN, "127.0.0.2");
        assertEquals(429, refused.status(), "an attempt within the wait is refused, right key or not");
        assertTrue(Integer.parseInt(refused.headers().get("retry-after")) >= 1);
        assertTrue(refused.body().contains("Too many failed sign-ins"));
        assertEquals(303, signIn(TestKeys.ADMIN, "127.0.0.4").status(), "another address signs in");
    }

    @Test
    void failuresAreSharedWithTheOtherReplicasThroughTheDatabase() throws IOException {
        QuarkusTransaction.requiringNew().run(() -> failures.deleteById("127.0.0.6"));
        assertEquals(401, signIn("wrong-key", "127.0.0.6").status());
        int counted = QuarkusTransaction.requiringNew().call(() -> failures.findById("127.0.0.6").failures);
        assertEquals(1, counted, "this replica's failure is on record for the others");

        // Three failures another replica counted for 127.0.0.7, the last one just now: this replica refuses too.
        QuarkusTransaction.requiringNew().run(() -> {
            failures.deleteById("127.0.0.7");
            SignInFailureEntity row = new SignInFailureEntity();
            row.address = "127.0.0.7";
            row.failures = 3;
            row.firstAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
            row.lastAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            failures.persist(row);
        });
        assertEquals(429, signIn(TestKeys.ADMIN, "127.0.0.7").status(), "refused on another replica's count");

        assertEquals(303, signIn(TestKeys.ADMIN, "127.0.0.6").status());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> failures.count("address", "127.0.0.6")),
                "a sign-in clears the address for every replica");
    }
}
