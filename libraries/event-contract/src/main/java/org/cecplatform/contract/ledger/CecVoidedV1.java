package org.cecplatform.contract.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code cec.ledger.CECVoided.v1}: staff voided a credit; it never counts again. Carries the voided credit's
 * completion date, category and CECs so a consumer that missed nothing can apply it without a lookup.
 */
public record CecVoidedV1(
        UUID creditId,
        String certificantId,
        String reason,
        String voidedBy,
        Instant voidedAt,
        LocalDate completedOn,
        String category,
        BigDecimal cecs) {
}
