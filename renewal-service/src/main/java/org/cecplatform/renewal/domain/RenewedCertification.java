package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One certification a renewal covered: its cycle before, what the ledger tracked for it, and any gap. */
public record RenewedCertification(UUID certificationId, String credential, LocalDate previousCycleStart,
                                   LocalDate previousCycleEnd, BigDecimal cecsTracked, LocalDate gapFrom,
                                   LocalDate gapTo) {
}
