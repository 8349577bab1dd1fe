package org.cecplatform.contract.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.audits.AuditClosed.v1}: the audit is over. {@code result} PASSED, or FAILED (final: the renewed
 * certifications become REVOKED), with the reason (e.g. decided, not cured within a year).
 */
public record AuditClosedV1(
        UUID auditId,
        UUID renewalId,
        String certificantId,
        List<String> credentials,
        String result,
        String reason,
        Instant closedAt) {
}
