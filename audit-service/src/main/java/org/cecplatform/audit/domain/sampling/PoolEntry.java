package org.cecplatform.audit.domain.sampling;

import java.time.Instant;
import java.time.LocalDate;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;

/** A renewal in the audit pool of its level-year, with its draw. */
public record PoolEntry(RenewalUnderAudit renewal, LocalDate auditableUntil, Draw draw, Instant enteredAt) {
}
