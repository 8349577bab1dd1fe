package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.messaging.AuditEventContract;
import org.cecplatform.audit.persistence.AuditRepository;
import org.cecplatform.audit.persistence.StoredAudit;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.NewEvent;

/**
 * Loads audits for a change and stores them back together with their new events, in the caller's transaction: the
 * state row and the events in the event log (the outbox) commit or roll back as one.
 */
@ApplicationScoped
public class AuditStore {

    /** An audit being changed, with the version it was read at. */
    public record Loaded(Audit audit, long version) {
    }

    private final AuditRepository audits;
    private final EventLog eventLog;
    private final AuditPolicy policy;

    public AuditStore(AuditRepository audits, EventLog eventLog, AuditPolicy policy) {
        this.audits = audits;
        this.eventLog = eventLog;
        this.policy = policy;
    }

    /** Locks the audit for the rest of the transaction; 404 when there is none. */
    public Loaded lock(UUID auditId) {
        StoredAudit stored = audits.lock(auditId)
                .orElseThrow(() -> ProblemException.notFound("No audit " + auditId + "."));
        return new Loaded(Audit.restore(policy, stored.state()), stored.version());
    }

    /**
     * Locks the person the audit is about, then the audit: every command about one person runs after the other
     * (see {@link AuditRepository#lockPerson}); 404 when there is no such audit.
     */
    public Loaded lockWithPerson(UUID auditId) {
        StoredAudit seen = audits.find(auditId)
                .orElseThrow(() -> ProblemException.notFound("No audit " + auditId + "."));
        audits.lockPerson(seen.state().renewal().certificantId());
        return lock(auditId);
    }

    public void create(Audit audit, Instant now) {
        long version = eventLog.append(0, events(audit));
        audits.insert(audit.state(), version, now);
    }

    /** Stores what changed; an audit that did not change is left as it was. */
    public void save(Loaded loaded, Instant now) {
        List<NewEvent> events = events(loaded.audit());
        if (events.isEmpty()) {
            return;
        }
        long version = eventLog.append(loaded.version(), events);
        audits.update(loaded.audit().state(), loaded.version(), version, now);
    }

    private static List<NewEvent> events(Audit audit) {
        return AuditEventContract.toNewEvents(audit.state(), audit.changes());
    }
}
