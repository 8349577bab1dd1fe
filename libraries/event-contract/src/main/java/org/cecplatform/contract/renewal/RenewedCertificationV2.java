package org.cecplatform.contract.renewal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One certification a renewal or reinstatement covered (version 2 of the renewal events): its cycle before, what the
 * ledger tracked for it, any gap, and the window of completion dates counted.
 *
 * @param certificationId null only on an event upcast from version 1: then the certification held with
 *                        {@code credential} when the event happened
 */
public record RenewedCertificationV2(
        UUID certificationId,
        String credential,
        LocalDate previousCycleStart,
        LocalDate previousCycleEnd,
        BigDecimal cecsTracked,
        LocalDate gapFrom,
        LocalDate gapTo,
        LocalDate countedFrom,
        LocalDate countedTo) {
}
