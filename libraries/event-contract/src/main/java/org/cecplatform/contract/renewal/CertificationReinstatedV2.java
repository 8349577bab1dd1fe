package org.cecplatform.contract.renewal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.renewals.CertificationReinstated.v2}: every field of version 1 and the reinstatement's receipt, as in
 * {@link CertificationRenewedV2}. Same topic and key as version 1.
 */
public record CertificationReinstatedV2(
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
        LocalDate countedTo,
        List<RenewedCertificationV2> certifications,
        AttestedCecsV2 attestedSubmitted,
        AttestedCecsV2 attestedCounted,
        List<FeeItemV2> feeItems,
        PaymentV2 payment,
        CprCardV2 cpr,
        String submittedBy) {
}
