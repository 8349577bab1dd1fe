package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A review decision (or the automatic pass on accepted and verified credits, decided by {@code system}).
 *
 * @param cecsAccepted         the accepted CECs, counted with the renewal's rules (caps applied)
 * @param replacementCreditIds ledger credits counted toward the audited cycle although completed after its counted
 *                             window (replacement CECs): they count toward that cycle only
 */
public record Decision(DecisionOutcome outcome, String notes, String decidedBy, Instant decidedAt,
                       BigDecimal cecsAccepted, BigDecimal cecsDisallowed, LocalDate remediationDueOn,
                       LocalDate validUntil, List<UUID> replacementCreditIds) {

    public Decision {
        replacementCreditIds = replacementCreditIds == null ? List.of() : List.copyOf(replacementCreditIds);
    }
}
