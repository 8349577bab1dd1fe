package org.cecplatform.contract.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code cec.audits.AuditCured.v1}: an overdue audit was cured; the certifications leave INACTIVE. */
public record AuditCuredV1(
        UUID auditId,
        UUID renewalId,
        String certificantId,
        List<String> credentials,
        String how,
        Instant curedAt) {
}
