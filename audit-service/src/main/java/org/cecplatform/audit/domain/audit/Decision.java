package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A review decision (or the automatic pass on verified credits, decided by {@code system}). */
public record Decision(DecisionOutcome outcome, String notes, String decidedBy, Instant decidedAt,
                       BigDecimal cecsAccepted, BigDecimal cecsDisallowed, LocalDate remediationDueOn,
                       LocalDate validUntil) {
}
