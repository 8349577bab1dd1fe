package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import org.cecplatform.policy.counting.CecCount;

/**
 * A certification as its holder sees it on a date: eligibility, the CECs tracked in the ledger for the current cycle
 * (caps applied), what is required and what remains, and the days left before the current deadline (0 on the
 * deadline day itself and when there is none).
 */
public record CertificationProgress(Certification certification, Eligibility eligibility, CecCount tracked,
                                    BigDecimal cecsRequired, BigDecimal cecsRemaining, long daysLeft) {
}
