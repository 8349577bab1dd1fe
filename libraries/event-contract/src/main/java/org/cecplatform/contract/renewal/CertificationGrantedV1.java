package org.cecplatform.contract.renewal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code cec.renewals.CertificationGranted.v1}: staff granted a certification after an exam. */
public record CertificationGrantedV1(
        UUID certificationId,
        String certificantId,
        String credential,
        LocalDate certifiedOn,
        LocalDate cycleStart,
        LocalDate cycleEnd,
        String grantedBy,
        Instant grantedAt) {
}
