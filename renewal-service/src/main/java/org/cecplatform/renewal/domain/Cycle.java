package org.cecplatform.renewal.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One cycle of a certification, as the record keeps it.
 *
 * @param number       1 for the first cycle after the grant, then 2, 3, ...
 * @param countingFrom the first completion date that counts toward this cycle: the certification date, the day
 *                     after the renewal that fixed it ("credits completed after the renewal date count toward the new
 *                     cycle"), or the reinstatement date
 * @param renewalId    the renewal that started it, null for the first cycle
 * @param gapFrom      for a reinstated cycle: the first day the certification was not held (else null)
 * @param gapTo        for a reinstated cycle: the last day it was not held (the day before the reinstatement)
 */
public record Cycle(int number, LocalDate start, LocalDate end, LocalDate countingFrom, CycleOrigin origin,
                    UUID renewalId, LocalDate gapFrom, LocalDate gapTo) {

    public Cycle {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(countingFrom, "countingFrom");
        Objects.requireNonNull(origin, "origin");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a cycle cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    /**
     * The cycle a renewal of {@code kind} on {@code renewedOn} starts after this one: credits completed after the
     * renewal date count toward it (a reinstatement: from the reinstatement date), and a reinstatement keeps the gap
     * since this cycle ended.
     */
    public Cycle next(RenewalKind kind, LocalDate renewedOn, LocalDate nextStart, LocalDate nextEnd, UUID renewalId) {
        return after(number, end, kind, renewedOn, nextStart, nextEnd, renewalId);
    }

    /** {@link #next} of the cycle numbered {@code number} that ended on {@code end}. */
    public static Cycle after(int number, LocalDate end, RenewalKind kind, LocalDate renewedOn, LocalDate nextStart,
                              LocalDate nextEnd, UUID renewalId) {
        boolean reinstatement = kind == RenewalKind.REINSTATEMENT;
        return new Cycle(number + 1, nextStart, nextEnd, reinstatement ? renewedOn : renewedOn.plusDays(1),
                CycleOrigin.of(kind), renewalId, reinstatement ? end.plusDays(1) : null,
                reinstatement ? renewedOn.minusDays(1) : null);
    }
}
