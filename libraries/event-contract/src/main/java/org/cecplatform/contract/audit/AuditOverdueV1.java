package org.cecplatform.contract.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.audits.AuditOverdue.v1}: no proof by the due date; the renewed certifications become INACTIVE until the
 * audit is cured, at the latest by {@code cureBy}.
 */
public record AuditOverdueV1(
        UUID auditId,
        UUID renewalId,
        String certificantId,
        List<String> credentials,
        LocalDate dueOn,
        LocalDate cureBy,
        Instant overdueAt) {
}
