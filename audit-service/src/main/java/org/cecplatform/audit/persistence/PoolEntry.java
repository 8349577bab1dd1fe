package org.cecplatform.audit.persistence;

import java.time.Instant;
import java.time.LocalDate;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.sampling.Draw;

/** A renewal in the audit pool of its level-year, with its draw. */
public record PoolEntry(RenewalUnderAudit renewal, LocalDate auditableUntil, Draw draw, Instant enteredAt) {
}
