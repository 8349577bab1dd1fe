package org.cecplatform.renewal.domain;

import java.math.BigDecimal;

/**
 * One ledger credit as the progress of a cycle took it.
 *
 * @param category the category it counts under ({@code GENERAL} when the ledger gave none)
 * @param counted  the CECs it adds to the cycle's tracked total
 * @param detail   the reason in words, with the dates or cap involved
 */
public record CreditExplanation(Credit credit, String category, BigDecimal counted, ProgressReason reason,
                                String detail) {
}
