package org.cecplatform.ledger.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** CECs per category and overall; voided credits are never part of them. Every category is present (0 if none). */
public record CecTotals(BigDecimal cecs, Map<Category, BigDecimal> byCategory) {

    /** The totals from the sums of the categories that have credits that count. */
    public static CecTotals of(Map<Category, BigDecimal> sums) {
        Map<Category, BigDecimal> all = new EnumMap<>(Category.class);
        BigDecimal total = BigDecimal.ZERO;
        for (Category category : Category.values()) {
            BigDecimal sum = sums.getOrDefault(category, BigDecimal.ZERO);
            all.put(category, sum);
            total = total.add(sum);
        }
        return new CecTotals(total, Collections.unmodifiableMap(all));
    }
}
