package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.policy.counting.CountableCredit;

/**
 * A credit of the person's ledger, as the audit service keeps it from {@code cec.ledger.v1}. An audit item that names
 * it takes these figures; a verified one is pre-accepted and needs no document.
 */
public record LedgerCredit(UUID creditId, LocalDate completedOn, String category, BigDecimal cecs, String title,
                           String provider, boolean verified, boolean voided) implements CountableCredit {
}
