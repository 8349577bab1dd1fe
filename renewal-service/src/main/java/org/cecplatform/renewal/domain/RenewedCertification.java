package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One certification a renewal covered: its cycle before, what the ledger tracked for it, and any gap.
 *
 * @param countedFrom the first completion date counted toward the cycle renewed
 * @param countedTo   the last one: the day the renewal was requested, or the lapsed cycle's end for a reinstatement.
 *                    Credits completed after it count toward the next cycle (never toward both).
 */
public record RenewedCertification(UUID certificationId, String credential, LocalDate previousCycleStart,
                                   LocalDate previousCycleEnd, BigDecimal cecsTracked, LocalDate gapFrom,
                                   LocalDate gapTo, LocalDate countedFrom, LocalDate countedTo) {
}
