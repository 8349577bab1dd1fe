package org.cecplatform.ledger.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.cecplatform.ledger.domain.Source;

/**
 * The hash that tells a retry of a request from a different request under the same {@code Idempotency-Key}: the
 * person, how it is recorded, and every field as read (an amount of 0.50 and 0.5 are the same request).
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(String certificantId, Source source, CreditRequest request) {
        BigDecimal amount = request.amount();
        String canonical = String.join("\u001f", certificantId, source.name(), Objects.toString(request.title()),
                Objects.toString(request.provider()), Objects.toString(request.providerKind()),
                Objects.toString(request.category()), Objects.toString(request.completedOn()),
                amount == null ? "null" : amount.stripTrailingZeros().toPlainString(),
                Objects.toString(request.unit()), Objects.toString(request.inScope()),
                Objects.toString(request.grade()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
