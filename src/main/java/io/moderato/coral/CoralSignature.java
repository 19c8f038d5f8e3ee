package io.moderato.coral;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies Coral's {@code X-Coral-Signature} header: {@code sha256=<hex>} per active signing secret, comma-separated,
 * each the HMAC-SHA256 of the exact request body keyed with the secret (Coral's {@code generateSignatures}).
 */
public final class CoralSignature {

    /** The header Coral signs requests with. */
    public static final String HEADER = "X-Coral-Signature";
    private static final String SCHEME = "sha256=";

    private CoralSignature() {
    }

    /**
     * @param header  the header's value
     * @param body    the raw body
     * @param secrets the configured secrets
     * @return true when a signature in the header matches the body under one of the secrets
     */
    public static boolean verify(String header, byte[] body, List<String> secrets) {
        if (header == null || secrets.isEmpty()) {
            return false;
        }
        for (String secret : secrets) {
            byte[] expected = sign(secret, body);
            for (String part : header.split(",")) {
                String signature = part.strip();
                if (signature.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                        && signature.substring(SCHEME.length()).matches("[0-9a-fA-F]{64}")
                        && MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring(SCHEME.length())))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param secret a signing secret
     * @param body   the body
     * @return the HMAC-SHA256 of the body
     */
    public static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
