package org.cecplatform.policy.counting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The CECs that count toward a cycle window, caps applied.
 *
 * @param total      the sum that counts
 * @param byCategory what counts per category (after caps)
 * @param uncapped   the sum of the credits in the window before caps (voids excluded), for staff to compare
 * @param lines      when counting was asked to explain ({@link CecCounter#explain}): every credit passed, once, in
 *                   completion order, with what it counted; {@code total} and {@code byCategory} are their sums.
 *                   Empty otherwise.
 */
public record CecCount(BigDecimal total, Map<String, BigDecimal> byCategory, BigDecimal uncapped,
                       List<CreditLine> lines) {

    public static final CecCount NONE = new CecCount(BigDecimal.ZERO, Map.of(), BigDecimal.ZERO);

    public CecCount {
        byCategory = Map.copyOf(byCategory);
        lines = List.copyOf(lines);
    }

    /** A count without explanation. */
    public CecCount(BigDecimal total, Map<String, BigDecimal> byCategory, BigDecimal uncapped) {
        this(total, byCategory, uncapped, List.of());
    }
}
