package org.cecplatform.contract.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code cec.audits.AuditExtended.v1}: staff moved the proof deadline (once, at most 30 days). */
public record AuditExtendedV1(
        UUID auditId,
        String certificantId,
        LocalDate previousDueOn,
        LocalDate newDueOn,
        String reason,
        String extendedBy,
        Instant extendedAt) {
}
