package org.cecplatform.renewal.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates of the certification calendar: cycle ends, the renewal window, the grace period, the reach of
 * reinstatement, and the status a cycle's end gives on a date. All dates are calendar dates in the policy zone;
 * a deadline is the end of that day.
 */
public final class CycleCalendar {

    /** A status the calendar moves a certification into, and the first day it holds. */
    public record Transition(CertificationStatus from, CertificationStatus to, LocalDate effectiveOn) {
    }

    private final Policy policy;

    public CycleCalendar(Policy policy) {
        this.policy = policy;
    }

    /**
     * The end of a cycle that starts on {@code start} (a certification or a reinstatement): 31 December of the
     * {@code cycleYears}-th calendar year after it. Certified 2024-05-10 → 2027-12-31.
     */
    public LocalDate cycleEndFor(LocalDate start) {
        return LocalDate.of(start.getYear() + policy.cycleYears(), 12, 31);
    }

    /** A renewal on time or in grace keeps the schedule: the day after the old end to 31 December three years on. */
    public LocalDate renewedCycleStart(LocalDate previousEnd) {
        return previousEnd.plusDays(1);
    }

    public LocalDate renewedCycleEnd(LocalDate previousEnd) {
        return LocalDate.of(previousEnd.getYear() + policy.cycleYears(), 12, 31);
    }

    /** The renewal window opens on 1 January of the cycle's final year. */
    public LocalDate windowOpens(LocalDate cycleEnd) {
        return LocalDate.of(cycleEnd.getYear(), 1, 1);
    }

    /** The last day of the grace period: 30 June after the cycle ended. */
    public LocalDate graceEnds(LocalDate cycleEnd) {
        return policy.graceEnds().atYear(cycleEnd.getYear() + 1);
    }

    /** The last day a lapsed cycle can be reinstated: 31 December of the third year after its end. */
    public LocalDate reinstatableUntil(LocalDate cycleEnd) {
        return LocalDate.of(cycleEnd.getYear() + policy.reinstatementYears(), 12, 31);
    }

    public Phase phase(LocalDate cycleEnd, LocalDate today) {
        if (today.isBefore(windowOpens(cycleEnd))) {
            return Phase.NOT_DUE;
        }
        if (!today.isAfter(cycleEnd)) {
            return Phase.DUE;
        }
        if (!today.isAfter(graceEnds(cycleEnd))) {
            return Phase.GRACE;
        }
        if (!today.isAfter(reinstatableUntil(cycleEnd))) {
            return Phase.LAPSED;
        }
        return Phase.OUT_OF_REACH;
    }

    /** The calendar's status for a cycle ending on {@code cycleEnd}: ACTIVE, GRACE, LAPSED or EXPIRED. */
    public CertificationStatus statusOn(LocalDate cycleEnd, LocalDate today) {
        return phase(cycleEnd, today).calendarStatus();
    }

    /** The last day of the phase {@code today} is in (the deadline people care about), null when out of reach. */
    public LocalDate deadline(LocalDate cycleEnd, LocalDate today) {
        return switch (phase(cycleEnd, today)) {
            case NOT_DUE, DUE -> cycleEnd;
            case GRACE -> graceEnds(cycleEnd);
            case LAPSED -> reinstatableUntil(cycleEnd);
            case OUT_OF_REACH -> null;
        };
    }

    /** The first day on which the calendar moves a certification out of {@code status}, null if it never does. */
    public LocalDate nextChangeOn(CertificationStatus status, LocalDate cycleEnd) {
        return switch (status) {
            case ACTIVE -> cycleEnd.plusDays(1);
            case GRACE -> graceEnds(cycleEnd).plusDays(1);
            case LAPSED -> reinstatableUntil(cycleEnd).plusDays(1);
            default -> null;
        };
    }

    /**
     * Every calendar step from {@code status} up to {@code today}, each with the day it took effect: a job that ran
     * late (or a clock moved ahead by years) still reports ACTIVE → GRACE → LAPSED → EXPIRED one by one.
     */
    public List<Transition> transitionsSince(CertificationStatus status, LocalDate cycleEnd, LocalDate today) {
        List<Transition> steps = new ArrayList<>();
        CertificationStatus current = status;
        while (current.followsCalendar()) {
            LocalDate next = nextChangeOn(current, cycleEnd);
            if (next == null || next.isAfter(today)) {
                break;
            }
            CertificationStatus to = statusOn(cycleEnd, next);
            steps.add(new Transition(current, to, next));
            current = to;
        }
        return steps;
    }
}
