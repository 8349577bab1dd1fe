package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.util.List;

/** An itemised fee; {@code total} is the sum of the items. */
public record Fee(List<FeeItem> items, BigDecimal total, String currency) {

    public Fee {
        items = List.copyOf(items);
    }

    public static Fee of(List<FeeItem> items, String currency) {
        return new Fee(items, items.stream().map(FeeItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add), currency);
    }
}
