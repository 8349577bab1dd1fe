package org.cecplatform.renewal.application;

import java.util.List;
import java.util.UUID;

/**
 * What an audit event means for the certifications it is about: OVERDUE → INACTIVE, CURED → the calendar's status,
 * FAILED → REVOKED.
 *
 * @param renewalId   the audited renewal: its certifications are the ones affected (when this service knows it)
 * @param credentials the credentials the event lists: used when the renewal is unknown here
 */
public record AuditOutcome(Kind kind, UUID auditId, UUID renewalId, String certificantId, List<String> credentials,
                           String reason) {

    public enum Kind { OVERDUE, CURED, FAILED }

    public AuditOutcome {
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }
}
