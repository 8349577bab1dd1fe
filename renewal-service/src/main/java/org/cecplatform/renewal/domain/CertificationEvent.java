package org.cecplatform.renewal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a command changed, in order: the application turns these into the events of the person's stream (published, or
 * private), and {@link Certificant#fromHistory} folds them back into the aggregate.
 */
public sealed interface CertificationEvent {

    record Granted(UUID certificationId, String certificantId, String credential, LocalDate certifiedOn,
                   LocalDate cycleStart, LocalDate cycleEnd, String grantedBy, Instant grantedAt)
            implements CertificationEvent {
    }

    record StatusChanged(UUID certificationId, String certificantId, String credential, CertificationStatus from,
                         CertificationStatus to, String reason, LocalDate effectiveOn, Instant changedAt,
                         UUID auditId)
            implements CertificationEvent {
    }

    /**
     * A certification already INACTIVE is now held by another audit (the later overdue one): no status changed, so
     * nothing is published, but the hold is part of the record.
     */
    record AuditHoldChanged(UUID certificationId, String certificantId, UUID auditId, Instant changedAt)
            implements CertificationEvent {
    }

    /** A renewal or a reinstatement (see {@link Renewal#kind()}). */
    record Renewed(Renewal renewal) implements CertificationEvent {
    }

    /**
     * A renewal request met every requirement and now waits for its fee. Published so that the person can be told what
     * to pay and by when; no certification changes, so the fold has nothing to take from it.
     */
    record PaymentRequested(PendingRenewal pending) implements CertificationEvent {
    }

    /** A renewal request was not paid in time and will never be made; no certification changes. */
    record PendingRenewalExpired(UUID renewalId, String certificantId, String paymentReference, Instant expiredAt)
            implements CertificationEvent {
    }
}
