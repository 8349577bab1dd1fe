package org.cecplatform.contract.renewal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code cec.renewals.CertificationRenewed.v2}: every field of version 1 and the renewal's receipt (README "Event
 * sourcing"): each certification renewed, the attested totals as submitted and as counted, the fee items, the payment,
 * the CPR card and who submitted it. Same topic and key as version 1. On an event upcast from version 1 the receipt
 * holds what version 1 implies and null for the rest (see {@code CertificationRenewedUpcaster}).
 */
public record CertificationRenewedV2(
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
        LocalDate countedTo,
        List<RenewedCertificationV2> certifications,
        AttestedCecsV2 attestedSubmitted,
        AttestedCecsV2 attestedCounted,
        List<FeeItemV2> feeItems,
        PaymentV2 payment,
        CprCardV2 cpr,
        String submittedBy) {
}
