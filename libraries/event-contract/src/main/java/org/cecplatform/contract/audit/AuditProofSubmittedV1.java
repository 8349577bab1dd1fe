package org.cecplatform.contract.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** {@code cec.audits.AuditProofSubmitted.v1}: the person submitted the detailed audit form (or further items). */
public record AuditProofSubmittedV1(
        UUID auditId,
        String certificantId,
        int items,
        BigDecimal cecs,
        Instant submittedAt) {
}
