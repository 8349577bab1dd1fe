package org.cecplatform.contract.renewal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.renewals.CertificationRenewed.v1}: one renewal of one or more credentials, on time ({@code RENEWAL}) or in
 * grace ({@code LATE_RENEWAL}). {@code level} is the highest credential renewed: the audit pool it enters.
 */
public record CertificationRenewedV1(
        UUID renewalId,
        String certificantId,
        String kind,
        List<String> credentials,
        String level,
        LocalDate renewedOn,
        Instant renewedAt,
        LocalDate previousCycleStart,
        LocalDate previousCycleEnd,
        LocalDate cycleStart,
        LocalDate cycleEnd,
        BigDecimal cecsRequired,
        BigDecimal cecsAttested,
        BigDecimal cecsTracked,
        BigDecimal feeTotal,
        String currency,
        LocalDate countedFrom,
        LocalDate countedTo) {
}
