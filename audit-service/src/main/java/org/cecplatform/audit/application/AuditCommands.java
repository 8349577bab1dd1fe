package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.DecisionOutcome;
import org.cecplatform.audit.domain.audit.Evidence;
import org.cecplatform.audit.domain.audit.ItemDecision;
import org.cecplatform.audit.domain.audit.SubmittedItem;
import org.cecplatform.audit.persistence.AuditRepository;
import org.cecplatform.audit.persistence.DocumentRepository;
import org.cecplatform.platform.persistence.ConflictRetry;

/**
 * The audit commands: each in its own transaction, on the locked audit, storing the new state and its events
 * together. Commands about one person run one after the other (a credit is accepted in one audit at most). Time comes
 * from the service clock.
 */
@ApplicationScoped
public class AuditCommands {

    private final AuditStore store;
    private final AuditRepository audits;
    private final EvidenceReader evidence;
    private final DocumentRepository documents;
    private final Clock clock;

    public AuditCommands(AuditStore store, AuditRepository audits, EvidenceReader evidence,
                         DocumentRepository documents, Clock clock) {
        this.store = store;
        this.audits = audits;
        this.evidence = evidence;
        this.documents = documents;
        this.clock = clock;
    }

    public AuditState extend(UUID auditId, LocalDate newDueOn, String reason, String staffMember) {
        return change(auditId, (audit, proof, now) -> audit.extend(newDueOn, reason, staffMember, now));
    }

    /** The form, from the person, or entered from their paper form by staff ({@code enteredBy}; null otherwise). */
    public AuditState submit(UUID auditId, List<SubmittedItem> items, String enteredBy) {
        return change(auditId, (audit, proof, now) -> audit.submit(items, documents.idsOfAudit(auditId), proof,
                UUID::randomUUID, now, enteredBy));
    }

    public AuditState decide(UUID auditId, DecisionOutcome outcome, String notes, List<ItemDecision> items,
                             String reviewer) {
        return change(auditId, (audit, proof, now) -> audit.decide(outcome, notes, items, proof, reviewer, now));
    }

    /** Applies what time has done to one audit (the deadline sweep). */
    public AuditState advance(UUID auditId) {
        return change(auditId, (audit, proof, now) -> audit.advance(now));
    }

    /**
     * The person's ledger changed: each unfinished audit of theirs may now pass. Runs in the caller's transaction
     * (the ledger consumer's).
     */
    public void creditsChanged(String certificantId) {
        Instant now = clock.instant();
        audits.lockPerson(certificantId);
        for (UUID auditId : audits.unfinishedOf(certificantId)) {
            AuditStore.Loaded loaded = store.lock(auditId);
            Audit audit = loaded.audit();
            audit.creditsChanged(evidence.of(audit.state().renewal(), auditId), now);
            store.save(loaded);
        }
    }

    private interface Change {
        void apply(Audit audit, Evidence evidence, Instant now);
    }

    private AuditState change(UUID auditId, Change change) {
        return ConflictRetry.inNewTransaction(() -> {
            Instant now = clock.instant();
            AuditStore.Loaded loaded = store.lockWithPerson(auditId);
            Audit audit = loaded.audit();
            change.apply(audit, evidence.of(audit.state().renewal(), auditId), now);
            store.save(loaded);
            return audit.state();
        });
    }
}
