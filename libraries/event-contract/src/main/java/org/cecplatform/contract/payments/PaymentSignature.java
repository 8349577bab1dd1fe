package org.cecplatform.contract.payments;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment provider's webhook signature: header {@code Payment-Signature: t=<unix seconds>,v1=<hex>}, where the hex
 * is HMAC-SHA256, keyed with the webhook secret, of {@code t + "." + raw body}. Signing the time with the body lets the
 * receiver refuse an old notification replayed later. The renewal service verifies it; the local stack's development
 * provider signs with it.
 */
public final class PaymentSignature {

    public static final String HEADER = "Payment-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private PaymentSignature() {
    }

    /** The header value for {@code body} sent at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + hex(secret, unixSeconds, body);
    }

    /** The lowercase hex HMAC-SHA256 of {@code t + "." + body} keyed with {@code secret}. */
    public static String hex(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is always available", e);
        }
    }
}
