package org.cecplatform.contract.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.audits.AuditDecided.v1}: a review decision, PASSED, REMEDIATION (with {@code remediationDueOn}) or FAILED
 * (final: the certifications renewed become REVOKED).
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
        Instant decidedAt) {
}
