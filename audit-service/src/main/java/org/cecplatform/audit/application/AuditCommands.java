package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.DecisionOutcome;
import org.cecplatform.audit.domain.audit.ItemDecision;
import org.cecplatform.audit.domain.audit.SubmittedItem;
import org.cecplatform.audit.persistence.AuditRepository;
import org.cecplatform.audit.persistence.CreditRepository;
import org.cecplatform.audit.persistence.DocumentRepository;
import org.cecplatform.platform.outbox.Transactions;

/**
 * The audit commands: each in its own transaction, on the locked audit, storing the new state and its events
 * together. Time comes from the service clock.
 */
@ApplicationScoped
public class AuditCommands {

    private final AuditStore store;
    private final AuditRepository audits;
    private final CreditRepository credits;
    private final DocumentRepository documents;
    private final Clock clock;

    public AuditCommands(AuditStore store, AuditRepository audits, CreditRepository credits,
                         DocumentRepository documents, Clock clock) {
        this.store = store;
        this.audits = audits;
        this.credits = credits;
        this.documents = documents;
        this.clock = clock;
    }

    public AuditState extend(UUID auditId, LocalDate newDueOn, String reason, String staffMember) {
        return change(auditId, (audit, now) -> audit.extend(newDueOn, reason, staffMember, now));
    }

    public AuditState submit(UUID auditId, List<SubmittedItem> items) {
        return change(auditId, (audit, now) -> audit.submit(items, documents.idsOfAudit(auditId),
                credits.verifiedOf(audit.state().renewal().certificantId()), UUID::randomUUID, now));
    }

    public AuditState decide(UUID auditId, DecisionOutcome outcome, String notes, List<ItemDecision> items,
                             String reviewer) {
        return change(auditId, (audit, now) -> audit.decide(outcome, notes, items,
                credits.verifiedOf(audit.state().renewal().certificantId()), reviewer, now));
    }

    /** Applies what time has done to one audit (the deadline sweep). */
    public AuditState advance(UUID auditId) {
        return change(auditId, Audit::advance);
    }

    /**
     * The person's verified credits changed: each unfinished audit of theirs may now pass. Runs in the caller's
     * transaction (the ledger consumer's).
     */
    public void creditsChanged(String certificantId) {
        Instant now = clock.instant();
        var verified = credits.verifiedOf(certificantId);
        for (UUID auditId : audits.unfinishedOf(certificantId)) {
            AuditStore.Loaded loaded = store.lock(auditId);
            loaded.audit().creditsChanged(verified, now);
            store.save(loaded, now);
        }
    }

    private interface Change {
        void apply(Audit audit, Instant now);
    }

    private AuditState change(UUID auditId, Change change) {
        return Transactions.withRetry(() -> {
            Instant now = clock.instant();
            AuditStore.Loaded loaded = store.lock(auditId);
            change.apply(loaded.audit(), now);
            store.save(loaded, now);
            return loaded.audit().state();
        });
    }
}
