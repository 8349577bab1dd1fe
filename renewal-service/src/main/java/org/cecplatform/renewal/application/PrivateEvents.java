package org.cecplatform.renewal.application;

import java.time.Instant;
import java.util.UUID;

/**
 * The events of a person's stream that no topic publishes (README "Event sourcing"): they record what the service
 * needs to fold the person or project its tables and no other service needs to hear.
 */
public final class PrivateEvents {

    /** A certification already INACTIVE is held by another (later overdue) audit; also imported for existing holds. */
    public static final String AUDIT_HOLD_CHANGED = "renewal.AuditHoldChanged.v1";

    /**
     * The receipt of a renewal recorded before the renewal events carried it (version 1), imported by migration V7 from
     * the tables: a {@code CertificationRenewedV2} body whose {@code kind} may be REINSTATEMENT.
     */
    public static final String RENEWAL_RECEIPT_IMPORTED = "renewal.RenewalReceiptImported.v1";

    public record AuditHoldChangedV1(UUID certificationId, String certificantId, UUID auditId, Instant changedAt) {
    }

    private PrivateEvents() {
    }
}
