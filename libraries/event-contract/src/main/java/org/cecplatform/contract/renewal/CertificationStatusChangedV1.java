package org.cecplatform.contract.renewal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cec.renewals.CertificationStatusChanged.v1}: ACTIVE, GRACE, LAPSED, INACTIVE, REVOKED (and EXPIRED when a
 * lapsed certification is out of reach of reinstatement).
 *
 * @param auditId the audit that caused the change, when one did (null otherwise, and on events recorded before it was
 *                added: a certification made INACTIVE by such an event is held by whichever audit cures it). Additive.
 */
public record CertificationStatusChangedV1(
        UUID certificationId,
        String certificantId,
        String credential,
        String from,
        String to,
        String reason,
        LocalDate effectiveOn,
        Instant changedAt,
        UUID auditId) {
}
