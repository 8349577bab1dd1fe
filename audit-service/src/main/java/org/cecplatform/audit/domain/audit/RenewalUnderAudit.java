package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The renewal (or reinstatement) an audit checks, as the renewal-service reported it.
 *
 * @param kind         RENEWAL, LATE_RENEWAL or REINSTATEMENT
 * @param level        the highest credential renewed: the audit level
 * @param year         the calendar year of the renewal date: the pool it entered
 * @param windowStart  first completion date the renewal counted for the renewed cycle (the event's countedFrom)
 * @param windowEnd    last completion date it counted (countedTo); later credits count toward the next cycle
 * @param cecsRequired what the renewed cycle required
 * @param validUntil   the end of the new cycle: how long a passed audit stands
 */
public record RenewalUnderAudit(UUID renewalId, String certificantId, String kind, List<String> credentials,
                                String level, int year, LocalDate renewedOn, LocalDate windowStart,
                                LocalDate windowEnd, BigDecimal cecsRequired, BigDecimal cecsAttested,
                                LocalDate validUntil) {

    public RenewalUnderAudit {
        Objects.requireNonNull(renewalId, "renewalId");
        Objects.requireNonNull(certificantId, "certificantId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(renewedOn, "renewedOn");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(cecsRequired, "cecsRequired");
        credentials = credentials == null ? List.of(level) : List.copyOf(credentials);
    }

    public boolean inWindow(LocalDate date) {
        return !date.isBefore(windowStart) && !date.isAfter(windowEnd);
    }
}
