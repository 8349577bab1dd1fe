package org.cecplatform.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cecplatform.ledger.domain.CecTotals;
import org.cecplatform.ledger.domain.Credit;
import org.cecplatform.ledger.persistence.CreditRepository;

/** The ledger's queries: a person's history with its totals, and one of their credits. */
@ApplicationScoped
public class CreditHistory {

    /** A page of a person's history (newest first) and the totals of the whole filtered range. */
    public record Page(List<Credit> credits, long totalItems, CecTotals totals) {
    }

    private final CreditRepository credits;

    public CreditHistory(CreditRepository credits) {
        this.credits = credits;
    }

    /**
     * One page of a person's credits, newest completion first (then newest recorded), with {@code from}/{@code to}
     * (inclusive, either may be null) on the completion date; the totals cover the whole range, voided credits left
     * out.
     */
    public Page page(String certificantId, LocalDate from, LocalDate to, int page, int size) {
        CreditRepository.HistoryPage history = credits.history(certificantId, from, to, page, size);
        return new Page(history.credits(), history.totalItems(), credits.totals(certificantId, from, to));
    }

    /** A credit of this person; {@link CreditNotFoundException} when they have none of that id. */
    public Credit credit(String certificantId, UUID creditId) {
        return credits.findInLedger(certificantId, creditId)
                .orElseThrow(() -> new CreditNotFoundException(certificantId, creditId));
    }
}
