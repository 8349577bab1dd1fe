package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What renewing a set of credentials today requires and costs, and the cycle it would give.
 *
 * @param credentials  the credentials, highest first
 * @param level        the highest of them: it sets the requirement and the fee, and names the audit pool
 * @param cycleStart   the new cycle if renewed today
 */
public record RenewalQuote(List<String> credentials, RenewalKind kind, String level, BigDecimal cecsRequired, Fee fee,
                           LocalDate cycleStart, LocalDate cycleEnd) {

    public RenewalQuote {
        credentials = List.copyOf(credentials);
    }
}
