package org.cecplatform.policy.counting;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The CECs that count toward a cycle window, caps applied.
 *
 * @param total      the sum that counts
 * @param byCategory what counts per category (after caps)
 * @param uncapped   the sum of the credits in the window before caps (voids excluded), for staff to compare
 */
public record CecCount(BigDecimal total, Map<String, BigDecimal> byCategory, BigDecimal uncapped) {

    public static final CecCount NONE = new CecCount(BigDecimal.ZERO, Map.of(), BigDecimal.ZERO);

    public CecCount {
        byCategory = Map.copyOf(byCategory);
    }
}
