package org.cecplatform.audit.domain.audit;

import java.time.Instant;
import java.time.LocalDate;

/** The one extension staff may grant. */
public record Extension(LocalDate previousDueOn, LocalDate newDueOn, String reason, String extendedBy,
                        Instant extendedAt) {
}
