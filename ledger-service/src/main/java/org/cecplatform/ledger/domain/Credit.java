package org.cecplatform.ledger.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A credit in a person's ledger. It is never changed or removed: a mistake is corrected by voiding it (staff, with a
 * reason), after which it is shown as voided and never counts.
 *
 * @param externalRef the completion or attendance id of an integration credit, else null
 * @param voiding     how it was voided, or null while it counts
 */
public record Credit(UUID creditId, String certificantId, Source source, CreditDetails details, String externalRef,
                     Instant recordedAt, String recordedBy, Voiding voiding) {

    public static final int VOID_REASON_MAX_LENGTH = 1000;

    public Credit {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(certificantId, "certificantId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }

    /** Why, by whom and when a credit was voided. */
    public record Voiding(String reason, String voidedBy, Instant voidedAt) {
    }

    /** A new credit claimed through the API (self-report or staff entry). */
    public static Credit claimed(UUID creditId, String certificantId, Source source, CreditDetails details,
                                 Instant recordedAt, String recordedBy) {
        if (source.verified()) {
            throw new IllegalArgumentException("a claimed credit is never verified: " + source);
        }
        return new Credit(creditId, certificantId, source, details, null, recordedAt, recordedBy, null);
    }

    /** A verified credit posted by an integration system. */
    public static Credit posted(IntakeCredit intake, Instant recordedAt, String recordedBy) {
        return new Credit(intake.creditId(), intake.certificantId(), intake.source(), intake.details(),
                intake.externalRef(), recordedAt, recordedBy, null);
    }

    public boolean verified() {
        return source.verified();
    }

    public boolean voided() {
        return voiding != null;
    }

    /** What is wrong with a void reason (it is required, and bounded). */
    public static List<RuleViolation> checkVoidReason(String reason) {
        List<RuleViolation> violations = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            violations.add(new RuleViolation("reason", "is required: say why the credit is voided"));
        } else if (reason.strip().length() > VOID_REASON_MAX_LENGTH) {
            violations.add(new RuleViolation("reason", "must be at most " + VOID_REASON_MAX_LENGTH + " characters"));
        }
        return violations;
    }

    /** This credit, voided. A credit is voided once; the reason must have passed {@link #checkVoidReason}. */
    public Credit voidedBecause(String reason, String voidedBy, Instant voidedAt) {
        if (voided()) {
            throw new CreditAlreadyVoidedException(creditId);
        }
        if (!checkVoidReason(reason).isEmpty()) {
            throw new IllegalArgumentException("a void needs a reason");
        }
        return new Credit(creditId, certificantId, source, details, externalRef, recordedAt, recordedBy,
                new Voiding(reason.strip(), voidedBy, voidedAt));
    }
}
