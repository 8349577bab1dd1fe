package org.cecplatform.renewal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What a command changed, in order: the application turns these into the published events. */
public sealed interface CertificationEvent {

    record Granted(UUID certificationId, String certificantId, String credential, LocalDate certifiedOn,
                   LocalDate cycleStart, LocalDate cycleEnd, String grantedBy, Instant grantedAt)
            implements CertificationEvent {
    }

    record StatusChanged(UUID certificationId, String certificantId, String credential, CertificationStatus from,
                         CertificationStatus to, String reason, LocalDate effectiveOn, Instant changedAt)
            implements CertificationEvent {
    }

    /** A renewal or a reinstatement (see {@link Renewal#kind()}). */
    record Renewed(Renewal renewal) implements CertificationEvent {
    }
}
