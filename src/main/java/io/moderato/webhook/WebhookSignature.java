package io.moderato.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Signs and verifies webhook bodies (plain Java, no dependency: receivers may copy it).
 * <p>
 * The {@value #HEADER} header reads {@code t=<unix seconds>,v1=<hex>[,v1=<hex>]}: each {@code v1} is the lower-case
 * hex HMAC-SHA256 of {@code "<t>.<body>"} (UTF-8) keyed with the UTF-8 bytes of one endpoint secret. While a rotated
 * secret is in its grace period there are two {@code v1} values, the current secret's first; a receiver accepts
 * the body when any of them matches the secret it holds and {@code t} is recent.
 */
public final class WebhookSignature {

    /** The signature header. */
    public static final String HEADER = "Moderato-Signature";
    /** The default tolerance for the signed timestamp, against replays. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /**
     * @param body      the exact request body
     * @param timestamp unix seconds, also sent as {@code Moderato-Webhook-Timestamp}
     * @param secrets   the secrets to sign with, current first
     * @return the {@value #HEADER} value
     */
    public static String sign(String body, long timestamp, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, timestamp, body));
        }
        return header.toString();
    }

    /**
     * @param secret    an endpoint secret
     * @param timestamp unix seconds
     * @param body      the exact request body
     * @return the hex HMAC-SHA256 of {@code "<timestamp>.<body>"}
     */
    public static String hmac(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param header    the {@value #HEADER} value received
     * @param body      the exact body received
     * @param secret    the secret the receiver holds
     * @param now       the receiver's clock
     * @param tolerance how far {@code t} may be from now
     * @return true when one signature matches and the timestamp is within tolerance
     */
    public static boolean verify(String header, String body, String secret, Instant now, Duration tolerance) {
        if (header == null || body == null || secret == null) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>(2);
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()
                || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures) {
            // Constant-time comparison, and no early exit: timing tells nothing about the secret.
            matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }
}
