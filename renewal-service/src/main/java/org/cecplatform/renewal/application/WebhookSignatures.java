package org.cecplatform.renewal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cecplatform.contract.payments.PaymentSignature;
import org.cecplatform.renewal.config.PaymentSettings;

/**
 * Checks that a webhook call comes from the payment provider and is fresh: {@code Payment-Signature: t=<unix>,v1=<hex>}
 * must carry an HMAC-SHA256 of {@code t + "." + raw body} made with the webhook secret (or, while it is being rotated,
 * the previous one), and {@code t} must be within the tolerance (5 minutes) of now. The time is real time, not the
 * service clock: the provider signs in real time, and staff may move the service clock for a scenario (as token
 * expiry is checked). Any failure is a {@link PaymentSignatureRefusedException} (400) and nothing is recorded.
 */
@ApplicationScoped
public class WebhookSignatures {

    /** The request header that carries the signature. */
    public static final String HEADER = PaymentSignature.HEADER;

    private final List<String> secrets = new ArrayList<>();
    private final Duration tolerance;
    private final Clock realTime;

    @Inject
    public WebhookSignatures(PaymentSettings settings) {
        this(settings, Clock.systemUTC());
    }

    WebhookSignatures(PaymentSettings settings, Clock realTime) {
        secrets.add(settings.webhookSecret());
        settings.previousWebhookSecret().filter(s -> !s.isBlank()).ifPresent(secrets::add);
        this.tolerance = settings.signatureTolerance();
        this.realTime = realTime;
    }

    /** Returns normally only when {@code header} is a fresh, valid signature of {@code body}. */
    public void verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            throw new PaymentSignatureRefusedException("the " + HEADER + " header is missing");
        }
        Long signedAt = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (name.equals("t")) {
                signedAt = parseSeconds(value);
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (signedAt == null || signatures.isEmpty()) {
            throw new PaymentSignatureRefusedException("the " + HEADER
                    + " header needs t=<unix seconds> and v1=<hex>");
        }
        long age = Math.abs(realTime.instant().getEpochSecond() - signedAt);
        if (age > tolerance.toSeconds()) {
            throw new PaymentSignatureRefusedException("the signature's time is " + age + " s from now, more than"
                    + " the " + tolerance.toSeconds() + " s allowed: a stale or replayed notification");
        }
        for (String secret : secrets) {
            byte[] expected = PaymentSignature.hex(secret, signedAt, body).getBytes(StandardCharsets.US_ASCII);
            for (String given : signatures) {
                if (MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
                    return;
                }
            }
        }
        throw new PaymentSignatureRefusedException("the signature does not match the body");
    }

    private static Long parseSeconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
