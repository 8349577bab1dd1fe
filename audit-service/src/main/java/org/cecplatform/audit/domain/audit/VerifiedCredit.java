package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A verified (integration-posted) credit of the ledger that has not been voided: pre-accepted in an audit. */
public record VerifiedCredit(UUID creditId, LocalDate completedOn, BigDecimal cecs) {
}
