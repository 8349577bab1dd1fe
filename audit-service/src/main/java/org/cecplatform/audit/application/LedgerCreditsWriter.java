package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.cecplatform.audit.persistence.CreditRepository;
import org.cecplatform.audit.persistence.CreditRepository.NewCredit;
import org.cecplatform.platform.messaging.LedgerCreditEvent;
import org.cecplatform.platform.messaging.ProjectedLedgerCredits;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The writer of the {@code ledger-credits} projection ({@code ledger_credit}): every person's ledger credits, which
 * audit items naming a credit and the verified CECs of an audit read. The live path ({@link LedgerCreditIntake}) and a
 * rebuild (the topic projection in {@code messaging}) both write through {@link #write}. Writes are idempotent: a
 * credit keeps its first row (owner and amount never change), and a void marks only its owner's credit, so a rebuild
 * ends where the live consumer did, dead-lettered events included. It writes nothing else (no side effects).
 */
@ApplicationScoped
public class LedgerCreditsWriter implements ProjectedLedgerCredits {

    public static final String TABLE = "ledger_credit";

    private final CreditRepository credits;

    public LedgerCreditsWriter(CreditRepository credits) {
        this.credits = credits;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    /** Credits and voids in their order; consecutive credits in one statement. */
    @Override
    public void write(List<? extends LedgerCreditEvent> events, ProjectionTables tables) {
        List<NewCredit> earned = new ArrayList<>();
        for (LedgerCreditEvent event : events) {
            if (event instanceof LedgerCreditEvent.Earned credit) {
                earned.add(EventPayloads.credit(credit.event()));
            } else if (event instanceof LedgerCreditEvent.Voided voided) {
                record(earned, tables);
                credits.voidCredit(voided.event().creditId(), voided.event().certificantId(),
                        voided.event().voidedAt(), tables);
            }
        }
        record(earned, tables);
    }

    private void record(List<NewCredit> earned, ProjectionTables tables) {
        if (!earned.isEmpty()) {
            credits.recordAll(earned, tables);
            earned.clear();
        }
    }
}
