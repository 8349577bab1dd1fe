package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.policy.counting.CountableCredit;

/**
 * A ledger credit as the renewal service projects it: enough to count it toward a cycle.
 *
 * @param countedElsewhere an audit accepted it as a replacement CEC for the audited cycle: it counts toward that cycle
 *                         only, so no later cycle counts it (it still uses up its calendar year's caps)
 */
public record Credit(UUID creditId, LocalDate completedOn, String category, BigDecimal cecs, boolean voided,
                     boolean countedElsewhere) implements CountableCredit {

    /** A credit no audit took as a replacement. */
    public Credit(UUID creditId, LocalDate completedOn, String category, BigDecimal cecs, boolean voided) {
        this(creditId, completedOn, category, cecs, voided, false);
    }
}
