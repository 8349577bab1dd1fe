package org.cecplatform.ledger.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cecplatform.ledger.application.CreditHistory;
import org.cecplatform.ledger.domain.CecTotals;
import org.cecplatform.ledger.domain.CreditConversion;

/**
 * A page of a person's CEC history, newest first, with the totals of the whole requested range (voided credits
 * shown, never counted).
 */
public record CreditHistoryView(String certificantId, List<CreditView> credits, Totals totals, int page, int size,
                                long totalItems) {

    /** CECs overall and per category (every category present). */
    public record Totals(BigDecimal cecs, Map<String, BigDecimal> byCategory) {

        static Totals of(CecTotals totals) {
            Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
            totals.byCategory().forEach((category, cecs) -> byCategory.put(category.name(),
                    CreditConversion.shown(cecs)));
            return new Totals(CreditConversion.shown(totals.cecs()), byCategory);
        }
    }

    static CreditHistoryView of(String certificantId, CreditHistory.Page history, int page, int size) {
        return new CreditHistoryView(certificantId, history.credits().stream().map(CreditView::of).toList(),
                Totals.of(history.totals()), page, size, history.totalItems());
    }
}
