package org.cecplatform.renewal.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A certification's progress in one of its cycles with every ledger credit of the person explained. The progress's
 * figures come from the same count as the lines: its tracked total and categories are their sums.
 *
 * @param cycle        the cycle explained: the current one, or a past one a renewal closed
 * @param countedFrom  the first completion date counted toward it
 * @param countedTo    the last one (a past cycle: the renewal's request day, or its end for a reinstatement)
 */
public record ExplainedProgress(CertificationProgress progress, Cycle cycle, LocalDate countedFrom,
                                LocalDate countedTo, List<CreditExplanation> credits) {

    public ExplainedProgress {
        credits = List.copyOf(credits);
    }
}
