package io.moderato.coral;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoralSignatureTest {

    private static final byte[] BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    /** The well-known HMAC-SHA256 test vector for this body under the key "key". */
    private static final String SIGNATURE = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    @Test
    void acceptsAnySignatureUnderAnySecret() {
        assertTrue(CoralSignature.verify(SIGNATURE, BODY, List.of("key")));
        assertTrue(CoralSignature.verify("sha256=00ff, " + SIGNATURE.toUpperCase().replace("SHA256=", "sha256="), BODY,
                List.of("old", "key")));
    }

    @Test
    void refusesOtherBodiesSecretsAndShapes() {
        assertFalse(CoralSignature.verify(SIGNATURE, "The quick brown fox jumps over the lazy cat".getBytes(StandardCharsets.UTF_8), List.of("key")));
        assertFalse(CoralSignature.verify(SIGNATURE, BODY, List.of("other")));
        assertFalse(CoralSignature.verify(SIGNATURE, BODY, List.of()));
        assertFalse(CoralSignature.verify(SIGNATURE.substring("sha256=".length()), BODY, List.of("key")));
        assertFalse(CoralSignature.verify("sha1=" + SIGNATURE.substring("sha256=".length()), BODY, List.of("key")));
        assertFalse(CoralSignature.verify("sha256=not-hex", BODY, List.of("key")));
    }
}
