package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.policy.counting.CountableCredit;

/** A ledger credit as the renewal service projects it: enough to count it toward a cycle. */
public record Credit(UUID creditId, LocalDate completedOn, String category, BigDecimal cecs, boolean voided)
        implements CountableCredit {
}
