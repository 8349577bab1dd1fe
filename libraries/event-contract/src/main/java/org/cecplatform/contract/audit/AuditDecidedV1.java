package org.cecplatform.contract.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.audits.AuditDecided.v1}: a review decision, PASSED, REMEDIATION (with {@code remediationDueOn}) or FAILED
 * (final: the certifications renewed become REVOKED). {@code decidedBy} is {@code system} when verified ledger credits
 * alone reached the requirement. {@code validUntil}: for PASSED, the end of the renewed cycle; else null.
 * {@code replacementCreditIds}: ledger credits counted toward the audited cycle although completed after the window the
 * renewal counted (they count toward that cycle only); empty when none.
 */
public record AuditDecidedV1(
        UUID auditId,
        UUID renewalId,
        String certificantId,
        List<String> credentials,
        String outcome,
        BigDecimal cecsAccepted,
        BigDecimal cecsDisallowed,
        LocalDate remediationDueOn,
        String notes,
        String decidedBy,
        Instant decidedAt,
        LocalDate validUntil,
        List<UUID> replacementCreditIds) {

    public AuditDecidedV1 {
        replacementCreditIds = replacementCreditIds == null ? List.of() : List.copyOf(replacementCreditIds);
    }

    /** The first published shape, without {@code validUntil}. */
    public AuditDecidedV1(UUID auditId, UUID renewalId, String certificantId, List<String> credentials, String outcome,
                          BigDecimal cecsAccepted, BigDecimal cecsDisallowed, LocalDate remediationDueOn, String notes,
                          String decidedBy, Instant decidedAt) {
        this(auditId, renewalId, certificantId, credentials, outcome, cecsAccepted, cecsDisallowed, remediationDueOn,
                notes, decidedBy, decidedAt, null, List.of());
    }
}
