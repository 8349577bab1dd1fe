package org.cecplatform.renewal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.platform.messaging.CreditInvariants;
import org.cecplatform.platform.messaging.LedgerCreditEvent;
import org.cecplatform.platform.messaging.ProjectedLedgerCredits;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.renewal.persistence.CreditRepository;
import org.cecplatform.renewal.persistence.LedgerCreditTables;

/**
 * Writes the {@code ledger-credits} projection (table ledger_credit, or its shadow) from the ledger's credit events:
 * the live consumer's batches, checked first, and a rebuild's replay of the topic, as they come. Both write through
 * {@link #write}, so a rebuild gives the rows the live consumer wrote.
 */
@ApplicationScoped
public class LedgerCreditsWriter implements ProjectedLedgerCredits {

    private final LedgerCreditTables rows;
    private final CreditRepository credits;

    public LedgerCreditsWriter(LedgerCreditTables rows, CreditRepository credits) {
        this.rows = rows;
        this.credits = credits;
    }

    /** The live tables the projection writes. */
    @Override
    public List<String> tables() {
        return List.of(LedgerCreditTables.LEDGER_CREDIT);
    }

    /**
     * A batch of the live consumer: checked against the credits it names (one query: a credit never changes owner or
     * amount, only its owner voids it; a violation rejects the batch), then written to the live table.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeChecked(List<LedgerCreditEvent> events) {
        CreditInvariants.check(events, credits::recorded);
        write(events, ProjectionTables.LIVE);
    }

    /** Consecutive credits go in one JDBC batch; a void waits for the credits before it. */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public void write(List<? extends LedgerCreditEvent> events, ProjectionTables tables) {
        List<LedgerCreditTables.EarnedCredit> earned = new ArrayList<>(events.size());
        for (LedgerCreditEvent event : events) {
            if (event instanceof LedgerCreditEvent.Earned e) {
                earned.add(earned(e.event()));
            } else if (event instanceof LedgerCreditEvent.Voided v) {
                rows.earned(earned, tables);
                earned.clear();
                rows.voided(voided(v.event()), tables);
            }
        }
        rows.earned(earned, tables);
    }

    private static LedgerCreditTables.EarnedCredit earned(CecEarnedV1 e) {
        return new LedgerCreditTables.EarnedCredit(e.creditId(), e.certificantId(), e.completedOn(), e.category(),
                e.cecs(), e.source(), e.verified(), e.recordedAt());
    }

    private static LedgerCreditTables.VoidedCredit voided(CecVoidedV1 v) {
        return new LedgerCreditTables.VoidedCredit(v.creditId(), v.certificantId(), v.completedOn(), v.category(),
                v.cecs(), v.voidedAt());
    }
}
