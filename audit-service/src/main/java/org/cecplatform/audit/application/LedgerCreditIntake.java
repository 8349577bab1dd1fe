package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cecplatform.audit.persistence.AuditRepository;
import org.cecplatform.audit.persistence.CreditRepository;
import org.cecplatform.platform.messaging.CreditInvariants;
import org.cecplatform.platform.messaging.LedgerCreditEvent;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The ledger's new credit events as they arrive (the consumer's transaction): a credit never changes owner or amount
 * and only its owner voids it ({@link CreditInvariants}); the credits are recorded through the projection's writer
 * ({@link LedgerCreditsWriter}), and the open audits of the people with a new verified credit are re-checked, since
 * they may now pass (a side effect, kept out of the projection so that a rebuild has none).
 */
@ApplicationScoped
public class LedgerCreditIntake {

    private final LedgerCreditsWriter projection;
    private final CreditRepository credits;
    private final AuditRepository audits;
    private final AuditCommands commands;

    public LedgerCreditIntake(LedgerCreditsWriter projection, CreditRepository credits, AuditRepository audits,
                              AuditCommands commands) {
        this.projection = projection;
        this.credits = credits;
        this.audits = audits;
        this.commands = commands;
    }

    /**
     * A batch in a few statements: first the credits it names are read in one query and checked; then consecutive
     * credits are recorded together and the audits re-checked. A void first records the credits before it, so the
     * order of the batch is kept.
     *
     * @throws org.cecplatform.platform.messaging.RejectedMessageException an event that would change a recorded credit
     */
    public void accept(List<LedgerCreditEvent> events) {
        CreditInvariants.check(events, credits::recorded);
        List<LedgerCreditEvent.Earned> earned = new ArrayList<>();
        for (LedgerCreditEvent event : events) {
            if (event instanceof LedgerCreditEvent.Earned credit) {
                earned.add(credit);
            } else {
                record(earned);
                // A voided credit never counts again; audits already passed on it stay passed (decisions are final).
                projection.write(List.of(event), ProjectionTables.LIVE);
            }
        }
        record(earned);
    }

    private void record(List<LedgerCreditEvent.Earned> earned) {
        if (earned.isEmpty()) {
            return;
        }
        projection.write(earned, ProjectionTables.LIVE);
        Set<String> withNewVerified = new LinkedHashSet<>();
        earned.stream().filter(credit -> credit.event().verified())
                .forEach(credit -> withNewVerified.add(credit.event().certificantId()));
        earned.clear();
        if (withNewVerified.isEmpty()) {
            return;
        }
        Set<String> auditing = audits.withUnfinishedAudits(withNewVerified);
        for (String person : withNewVerified) {
            if (auditing.contains(person)) {
                commands.creditsChanged(person);
            }
        }
    }
}
