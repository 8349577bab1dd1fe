package org.cecplatform.contract.renewal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.renewals.CertificationReinstated.v1}: lapsed credentials reinstated. The new cycle starts on the day the
 * reinstatement was accepted; {@code gapFrom}..{@code gapTo} is the time the certification was not held.
 */
public record CertificationReinstatedV1(
        UUID renewalId,
        String certificantId,
        List<String> credentials,
        String level,
        LocalDate reinstatedOn,
        Instant reinstatedAt,
        LocalDate lapsedCycleStart,
        LocalDate lapsedCycleEnd,
        LocalDate gapFrom,
        LocalDate gapTo,
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
