package org.cecplatform.renewal.domain;

import java.util.List;

/**
 * A certification's progress with every ledger credit of the person explained. The progress's figures come from the
 * same count as the lines: its tracked total and categories are their sums.
 */
public record ExplainedProgress(CertificationProgress progress, List<CreditExplanation> credits) {

    public ExplainedProgress {
        credits = List.copyOf(credits);
    }
}
