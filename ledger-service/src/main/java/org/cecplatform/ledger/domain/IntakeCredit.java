package org.cecplatform.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A verified credit posted by an integration system (the LMS or a meeting's attendance system). Its credit id is
 * derived from the system and the system's own id, so the same completion can never become two credits, whichever
 * path it takes; its {@link #contentHash} tells a true redelivery from a different message reusing an id.
 */
public record IntakeCredit(UUID creditId, String certificantId, Source source, String externalRef,
                           CreditDetails details) {

    public IntakeCredit {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(certificantId, "certificantId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalRef, "externalRef");
        Objects.requireNonNull(details, "details");
        if (!source.verified()) {
            throw new IllegalArgumentException("integration credits are verified sources only");
        }
    }

    /** The credit id of an external system's record: the same system and id always give the same credit id. */
    public static UUID creditIdFor(String system, String externalId) {
        return UUID.nameUUIDFromBytes((system + ":" + externalId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A fingerprint of what the credit says (not how the message spelled it: {@code 1.50} and {@code 1.5} CECs, or a
     * date and a date-time on that date, are the same content).
     */
    public String contentHash() {
        String canonical = String.join("\u001f", certificantId, source.name(), externalRef, details.title(),
                details.provider(), details.providerKind().name(), details.category().name(),
                details.completedOn().toString(), details.amount().stripTrailingZeros().toPlainString(),
                details.unit().name(), details.cecs().stripTrailingZeros().toPlainString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
