package org.cecplatform.renewal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.projection.ProjectionTables;
import org.cecplatform.renewal.domain.Certificant;
import org.cecplatform.renewal.domain.CertificationEvent;
import org.cecplatform.renewal.domain.RenewalRules;

/**
 * The person's stream is the aggregate's only state (README "Event sourcing"): loading folds it, saving appends what
 * the command changed after the last sequence folded (a writer that got there first fails the append) and projects
 * those same events into the read tables in the same transaction. The only class that reads or writes the stream.
 */
@ApplicationScoped
public class CertificantStream {

    private final EventLog log;
    private final EventPayloads payloads;
    private final CertificationsProjection projection;

    public CertificantStream(EventLog log, EventPayloads payloads, CertificationsProjection projection) {
        this.log = log;
        this.payloads = payloads;
        this.projection = projection;
    }

    /** The person folded from their stream, and the sequence of the last event folded. */
    public record Loaded(Certificant person, long sequence) {
    }

    /** Folds the person's stream (streams are short: a few events a year); {@code rules}: those of the day decided. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Loaded load(String certificantId, RenewalRules rules) {
        List<StoredEvent> events = log.load(certificantId);
        List<CertificationEvent> history = events.stream().map(payloads::toChange).flatMap(Optional::stream)
                .toList();
        long sequence = events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
        return new Loaded(Certificant.fromHistory(certificantId, history, rules), sequence);
    }

    /**
     * The person as their stream told it just before {@code until}: the events that occurred before it (the service
     * clock's time of each, not when the row was written), folded; for reads of a past day, inside a transaction or
     * not. Nothing loaded this way is saved.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Certificant asOf(String certificantId, Instant until, RenewalRules rules) {
        List<CertificationEvent> history = log.load(certificantId).stream()
                .filter(event -> event.occurredAt().isBefore(until))
                .map(payloads::toChange).flatMap(Optional::stream).toList();
        return Certificant.fromHistory(certificantId, history, rules);
    }

    /** Appends the person's changes after {@code loaded}'s sequence and projects them; nothing when nothing changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Loaded loaded) {
        Certificant person = loaded.person();
        if (person.changes().isEmpty()) {
            return;
        }
        List<NewEvent> events = payloads.toEvents(person.id(), person.changes());
        log.append(loaded.sequence(), events);
        projection.apply(payloads.asStored(events, loaded.sequence()), ProjectionTables.LIVE);
    }
}
