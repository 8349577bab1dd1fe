package org.cecplatform.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.persistence.AuditRepository;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;

/**
 * The audits' event store (README "Event sourcing"): an audit is loaded by folding its stream (aggregate id: the
 * audit id) and stored by appending the events its command recorded, after the sequence it was loaded at (a writer
 * that raced it gets a concurrency conflict and retries). The audit table is the {@code audits} projection's, written
 * from those same events in the caller's transaction: events and queue commit or roll back as one.
 */
@ApplicationScoped
public class AuditStore {

    /** An audit being changed, with the sequence of its stream's last event it was folded from. */
    public record Loaded(Audit audit, long version) {
    }

    private final AuditRepository audits;
    private final EventLog eventLog;
    private final AuditEventStream stream;
    private final AuditsProjection projection;
    private final AuditPolicy policy;

    public AuditStore(AuditRepository audits, EventLog eventLog, AuditEventStream stream,
                      AuditsProjection projection, AuditPolicy policy) {
        this.audits = audits;
        this.eventLog = eventLog;
        this.stream = stream;
        this.projection = projection;
        this.policy = policy;
    }

    /** Locks the audit for the rest of the transaction, then folds it; 404 when there is none. */
    public Loaded lock(UUID auditId) {
        audits.lockAudit(auditId);
        return load(auditId).orElseThrow(() -> ProblemException.notFound("No audit " + auditId + "."));
    }

    /**
     * Locks the person the audit is about, then the audit: every command about one person runs after the other
     * (see {@link AuditRepository#lockPerson}); 404 when there is no such audit.
     */
    public Loaded lockWithPerson(UUID auditId) {
        Loaded seen = load(auditId).orElseThrow(() -> ProblemException.notFound("No audit " + auditId + "."));
        audits.lockPerson(seen.audit().state().renewal().certificantId());
        return lock(auditId);
    }

    /** The audit folded from its stream, unlocked; empty when the stream starts no audit. */
    public Optional<Loaded> load(UUID auditId) {
        List<StoredEvent> events = eventLog.load(auditId.toString());
        if (events.isEmpty()) {
            return Optional.empty();
        }
        long version = events.get(events.size() - 1).sequence();
        return Audit.fold(policy, null, stream.toDomain(events)).map(audit -> new Loaded(audit, version));
    }

    public void create(Audit audit) {
        append(audit, 0);
    }

    /** Stores what changed; an audit that did not change is left as it was. */
    public void save(Loaded loaded) {
        append(loaded.audit(), loaded.version());
    }

    private void append(Audit audit, long afterSequence) {
        List<NewEvent> events = stream.toNewEvents(audit.state(), audit.recorded());
        if (events.isEmpty()) {
            return;
        }
        eventLog.append(afterSequence, events);
        projection.applyAppended(afterSequence, events);
    }
}
