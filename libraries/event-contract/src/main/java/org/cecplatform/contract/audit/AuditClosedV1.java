package org.cecplatform.contract.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.audits.AuditClosed.v1}: the audit is over. {@code result} PASSED, or FAILED (final: the renewed
 * certifications become REVOKED), with the reason (e.g. decided, not cured within a year). {@code validUntil}: for a
 * PASSED audit, the end of the renewed cycle (the next due date); null for FAILED.
 */
public record AuditClosedV1(
        UUID auditId,
        UUID renewalId,
        String certificantId,
        List<String> credentials,
        String result,
        String reason,
        Instant closedAt,
        LocalDate validUntil) {

    /** The first published shape, without {@code validUntil}. */
    public AuditClosedV1(UUID auditId, UUID renewalId, String certificantId, List<String> credentials, String result,
                         String reason, Instant closedAt) {
        this(auditId, renewalId, certificantId, credentials, result, reason, closedAt, null);
    }
}
