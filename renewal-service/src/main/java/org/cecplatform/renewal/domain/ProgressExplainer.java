package org.cecplatform.renewal.domain;

import static org.cecplatform.renewal.domain.Certificant.display;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cecplatform.policy.counting.CecCaps;
import org.cecplatform.policy.counting.CecCategories;
import org.cecplatform.policy.counting.CreditLine;

/**
 * Puts the counter's lines for one cycle of a certification in the renewal service's words: a credit completed before
 * the window but inside an earlier cycle's window belongs to the renewal that closed that cycle; explaining a past
 * cycle, one completed after its renewal was requested belongs to the next cycle.
 */
final class ProgressExplainer {

    private final Certification certification;
    /** The explained cycle's index in {@link Certification#cycles()}. */
    private final int cycleIndex;
    private final LocalDate countFrom;
    private final LocalDate countTo;
    private final CecCaps caps;

    ProgressExplainer(Certification certification, int cycleIndex, LocalDate countFrom, LocalDate countTo,
                      CecCaps caps) {
        this.certification = certification;
        this.cycleIndex = cycleIndex;
        this.countFrom = countFrom;
        this.countTo = countTo;
        this.caps = caps;
    }

    /**
     * The last completion date a renewal counted for the cycle it closed: its request day (the next cycle counts from
     * the day after), or, for a reinstatement, the closed cycle's end (the gap counts toward neither).
     */
    static LocalDate countedUntil(Cycle renewed, Cycle next) {
        return next.origin() == CycleOrigin.REINSTATEMENT ? renewed.end() : next.countingFrom().minusDays(1);
    }

    List<CreditExplanation> explain(List<CreditLine> lines) {
        return lines.stream().map(this::explain).toList();
    }

    private CreditExplanation explain(CreditLine line) {
        Credit credit = (Credit) line.credit();
        return switch (line.outcome()) {
            case COUNTED -> explanation(line, ProgressReason.COUNTED, "counted in full");
            case CAPPED_PER_YEAR -> explanation(line, ProgressReason.CAP_REACHED, line.category()
                    + " counts at most " + display(yearlyCap(line.category())) + " CECs per calendar year; earlier"
                    + " credits of " + credit.completedOn().getYear() + " used up the rest");
            case CAPPED_PER_CYCLE -> explanation(line, ProgressReason.CAP_REACHED, line.category()
                    + " counts at most " + display(caps.committeeServicePerCycle()) + " CECs per cycle; earlier"
                    + " credits of the cycle used up the rest");
            case VOIDED -> explanation(line, ProgressReason.VOIDED, "voided in the ledger");
            case COUNTED_ELSEWHERE -> explanation(line, ProgressReason.REMEDIATION_REPLACEMENT, "an audit accepted it"
                    + " as a replacement CEC for the audited cycle; it counts toward that cycle only");
            case OUTSIDE_WINDOW -> outsideWindow(line, credit.completedOn());
        };
    }

    private CreditExplanation outsideWindow(CreditLine line, LocalDate completedOn) {
        if (completedOn == null) {
            return explanation(line, ProgressReason.OUTSIDE_WINDOW, "the ledger gives no completion date");
        }
        List<Cycle> cycles = certification.cycles();
        if (completedOn.isAfter(countTo)) {
            boolean closedByRenewal = cycleIndex < cycles.size() - 1
                    && cycles.get(cycleIndex + 1).origin() != CycleOrigin.REINSTATEMENT;
            if (closedByRenewal) {
                Cycle next = cycles.get(cycleIndex + 1);
                return explanation(line, ProgressReason.AFTER_RENEWAL_REQUEST, "completed on " + completedOn
                        + ", after renewal " + next.renewalId() + " was requested on " + countTo + ": it counts"
                        + " toward cycle " + next.number());
            }
            return explanation(line, ProgressReason.OUTSIDE_WINDOW, "completed on " + completedOn + ", after the"
                    + " counting window (" + countFrom + " to " + countTo + ")");
        }
        for (int i = cycleIndex - 1; i >= 0; i--) {
            Cycle renewed = cycles.get(i);
            Cycle next = cycles.get(i + 1);
            LocalDate renewedTo = countedUntil(renewed, next);
            if (!completedOn.isBefore(renewed.countingFrom()) && !completedOn.isAfter(renewedTo)) {
                return explanation(line, ProgressReason.COUNTED_BY_EARLIER_RENEWAL, "completed on " + completedOn
                        + ", inside cycle " + renewed.number() + "'s counting window (" + renewed.countingFrom()
                        + " to " + renewedTo + "): renewal " + next.renewalId() + " counted it for that cycle;"
                        + " this cycle counts credits completed from " + countFrom);
            }
        }
        return explanation(line, ProgressReason.OUTSIDE_WINDOW, "completed on " + completedOn + ", before the"
                + " counting window (" + countFrom + " to " + countTo + ")");
    }

    private static CreditExplanation explanation(CreditLine line, ProgressReason reason, String detail) {
        return new CreditExplanation((Credit) line.credit(), line.category(), line.counted(), reason, detail);
    }

    private BigDecimal yearlyCap(String category) {
        return CecCategories.CPR_AED_FIRST_AID.equals(category) ? caps.cprPerYear() : caps.committeeServicePerYear();
    }
}
