package io.moderato.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"e1\",\"type\":\"comment.queued\"}";
    private static final long T = 1_700_000_000L;
    private static final Instant NOW = Instant.ofEpochSecond(T + 30);
    // Computed independently: printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac '<secret>'
    private static final String CURRENT_HMAC = "f78c72c527546e1e5b9211baee9af68575b23dd119bb7129ef22e68a1f98ddc1";
    private static final String OLD_HMAC = "bb45118a0f1299f7d38788e4b761ed64e3f688229eaa22a662ee5c28121b9c25";

    @Test
    void signsLikeOpenssl() {
        assertEquals("t=1700000000,v1=" + CURRENT_HMAC, WebhookSignature.sign(BODY, T, List.of("whsec_test-secret")));
        assertEquals("t=1700000000,v1=" + CURRENT_HMAC + ",v1=" + OLD_HMAC,
                WebhookSignature.sign(BODY, T, List.of("whsec_test-secret", "whsec_old-secret")));
    }

    @Test
    void verifiesWithEitherSecretDuringRotation() {
        String header = WebhookSignature.sign(BODY, T, List.of("whsec_test-secret", "whsec_old-secret"));
        assertTrue(WebhookSignature.verify(header, BODY, "whsec_test-secret", NOW, WebhookSignature.DEFAULT_TOLERANCE));
        assertTrue(WebhookSignature.verify(header, BODY, "whsec_old-secret", NOW, WebhookSignature.DEFAULT_TOLERANCE));
        assertFalse(WebhookSignature.verify(header, BODY, "whsec_other", NOW, WebhookSignature.DEFAULT_TOLERANCE));
    }

    @Test
    void refusesTamperingStaleTimestampsAndMalformedHeaders() {
        String header = WebhookSignature.sign(BODY, T, List.of("whsec_test-secret"));
        Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;
        assertFalse(WebhookSignature.verify(header, BODY.replace("queued", "decided"), "whsec_test-secret", NOW, tolerance));
        assertFalse(WebhookSignature.verify(header.replace("t=1700000000", "t=1700000001"), BODY, "whsec_test-secret", NOW, tolerance));
        assertFalse(WebhookSignature.verify(header, BODY, "whsec_test-secret", NOW.plus(Duration.ofMinutes(6)), tolerance));
        assertFalse(WebhookSignature.verify("v1=" + CURRENT_HMAC, BODY, "whsec_test-secret", NOW, tolerance));
        assertFalse(WebhookSignature.verify("t=1700000000", BODY, "whsec_test-secret", NOW, tolerance));
        assertFalse(WebhookSignature.verify("t=soon,v1=" + CURRENT_HMAC, BODY, "whsec_test-secret", NOW, tolerance));
        assertFalse(WebhookSignature.verify("garbage", BODY, "whsec_test-secret", NOW, tolerance));
        assertFalse(WebhookSignature.verify(null, BODY, "whsec_test-secret", NOW, tolerance));
    }
}
