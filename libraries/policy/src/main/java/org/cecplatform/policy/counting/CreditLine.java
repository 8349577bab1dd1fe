package org.cecplatform.policy.counting;

import java.math.BigDecimal;

/**
 * What counting did with one credit: how many of its CECs counted toward the window and, when not all of them, why.
 *
 * @param category the category it counted under ({@code GENERAL} when the ledger gave none)
 * @param counted  the CECs it added to the window's total (0 when it did not count)
 */
public record CreditLine(CountableCredit credit, String category, BigDecimal counted, Outcome outcome) {

    public enum Outcome {
        /** Counted in full. */
        COUNTED,
        /** Its category's cap for its calendar year was used up, fully or partly, by earlier credits of the year. */
        CAPPED_PER_YEAR,
        /** Its category's cap per window (the cycle cap) was used up, fully or partly, by earlier credits. */
        CAPPED_PER_CYCLE,
        /** Completed before the window or after it (or without a completion date). */
        OUTSIDE_WINDOW,
        /** Voided in the ledger. */
        VOIDED,
        /** Already counted toward another cycle ({@link CountableCredit#countedElsewhere()}). */
        COUNTED_ELSEWHERE
    }
}
