package org.cecplatform.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.contract.upcasting.EventUpcasters;
import org.cecplatform.platform.persistence.DataAccessException;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * The service's append-only event log, which is also its outbox. Appending happens inside the command's own
 * transaction (together with the state it changes) and never talks to Kafka; the {@link OutboxRelay} publishes
 * after commit. Sequence numbers are per aggregate and unique: two writers racing on one aggregate cannot both win,
 * the loser gets {@link ConcurrencyConflictException} and retries.
 *
 * <p>It is also the event store (README "Event sourcing"): aggregates are folded from {@link #load} (after a
 * snapshot: {@link #loadAfter}), projections rebuilt from {@link #readAfter}; both read every event as its latest
 * version. Private events (no topic) are stored in their stream and never published.
 */
@ApplicationScoped
public class EventLog {

    private static final String SEQUENCE_CONSTRAINT = "event_log_aggregate_sequence";
    private static final String COLUMNS =
            "position, event_id, aggregate_id, sequence, event_type, topic, partition_key, occurred_at, payload::text";
    private static final String APPEND = "insert into event_log (event_id, aggregate_id, sequence, event_type, topic,"
            + " partition_key, occurred_at, payload) values (?, ?, ?, ?, ?, ?, ?, ?::json)";
    private static final Jdbc.RowMapper<StoredEvent> STORED_EVENT = rs -> new StoredEvent(rs.getLong(1),
            rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9));
    private static final Jdbc.RowMapper<Long> FIRST_NUMBER = rs -> rs.getLong(1);

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;

    public EventLog(Jdbc jdbc, ObjectMapper json, TransactionSynchronizationRegistry transactions,
                    OutboxSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.signal = signal;
    }

    /** The last sequence number of an aggregate, 0 when it has no events yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long currentSequence(String aggregateId) {
        return number("select coalesce(max(sequence), 0) from event_log where aggregate_id = ?", aggregateId);
    }

    /**
     * Appends events of one aggregate after {@code expectedSequence} (the last sequence the caller's decision was
     * based on). Returns the new last sequence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(long expectedSequence, List<NewEvent> events) {
        if (events.isEmpty()) {
            return expectedSequence;
        }
        appendAll(List.of(new Append(expectedSequence, events)));
        return expectedSequence + events.size();
    }

    /** The events of one aggregate to append after {@code expectedSequence}: one part of {@link #appendAll}. */
    public record Append(long expectedSequence, List<NewEvent> events) {

        public Append {
            if (events.stream().anyMatch(e -> !e.aggregateId().equals(events.get(0).aggregateId()))) {
                throw new IllegalArgumentException("one append covers one aggregate");
            }
        }
    }

    /** The last sequence number of each aggregate named (0 for one without events), in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> currentSequences(Collection<String> aggregateIds) {
        Map<String, Long> sequences = new HashMap<>();
        for (String id : aggregateIds) {
            sequences.put(id, 0L);
        }
        List<Map.Entry<String, Long>> found = jdbc.list("select aggregate_id, max(sequence) from event_log"
                        + " where aggregate_id = any(?) group by aggregate_id",
                rs -> Map.entry(rs.getString(1), rs.getLong(2)), (Object) sequences.keySet().toArray(String[]::new));
        found.forEach(last -> sequences.put(last.getKey(), last.getValue()));
        return sequences;
    }

    /**
     * {@link #append} for several aggregates (or several appends to one, each after the one before) in one JDBC batch,
     * in list order, so the log's order is the list's. A sequence taken by someone else fails the whole batch with
     * {@link ConcurrencyConflictException}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Append> appends) {
        List<Object[]> rows = new ArrayList<>();
        for (Append append : appends) {
            long sequence = append.expectedSequence();
            for (NewEvent event : append.events()) {
                rows.add(new Object[] {event.eventId(), event.aggregateId(), ++sequence, event.type(), event.topic(),
                        event.certificantId(), event.occurredAt(), toJson(event.payload())});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try {
            jdbc.batch(APPEND, rows);
        } catch (DataAccessException e) {
            if (e.violates(SEQUENCE_CONSTRAINT)) {
                throw appends.size() == 1
                        ? new ConcurrencyConflictException(appends.get(0).events().get(0).aggregateId(),
                                appends.get(0).expectedSequence() + 1, e)
                        : new ConcurrencyConflictException("(a batch of " + appends.size() + ")", 0, e);
            }
            throw e;
        }
        wakeRelayAfterCommit();
    }

    /** Every event of an aggregate, in sequence order, each as its latest version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredEvent> load(String aggregateId) {
        return loadAfter(aggregateId, 0);
    }

    /** The events of an aggregate after {@code sequence} (those a snapshot taken at it does not hold), upcast. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredEvent> loadAfter(String aggregateId, long sequence) {
        return upcast(jdbc.list("select " + COLUMNS + " from event_log where aggregate_id = ? and sequence > ?"
                + " order by sequence", STORED_EVENT, aggregateId, sequence));
    }

    /**
     * The events about one person (their partition key, the Kafka key), whatever stream each belongs to, that occurred
     * before {@code until} by the service clock ({@code occurred_at}, not when the row was written), in log order,
     * upcast: what a read of a past day folds.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredEvent> aboutPersonBefore(String certificantId, Instant until) {
        return upcast(jdbc.list("select " + COLUMNS + " from event_log where partition_key = ? and occurred_at < ?"
                + " order by position", STORED_EVENT, certificantId, until));
    }

    /**
     * What a projection rebuild folds next, upcast, in log order: the events at the earlier {@code skipped} positions
     * that exist now, then up to {@code limit} events after {@code position}. One statement, so one snapshot: an event
     * is never read while an earlier event of its aggregate is invisible to the same read (an aggregate's next
     * sequence is appended only after its previous one committed), so folding in this order keeps each aggregate's
     * order even when a position was passed while its transaction was open.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredEvent> readAfter(long position, Collection<Long> skipped, int limit) {
        return upcast(jdbc.list("select " + COLUMNS + " from event_log where position = any(?)"
                + " union all (select " + COLUMNS + " from event_log where position > ? order by position limit ?)"
                + " order by position", STORED_EVENT, skipped.toArray(Long[]::new), position, limit));
    }

    /** How many events the log holds: a rebuild's total. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return number("select count(*) from event_log");
    }

    /**
     * The events about one person (their partition key, the Kafka key), whatever stream each belongs to, in log order,
     * as stored (each with the type it was published with): a page of the person's history.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredEvent> aboutPerson(String certificantId, int limit, long offset) {
        return jdbc.list("select " + COLUMNS + " from event_log where partition_key = ? order by position"
                + " limit ? offset ?", STORED_EVENT, certificantId, limit, offset);
    }

    /** How many events are about one person. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countAboutPerson(String certificantId) {
        return number("select count(*) from event_log where partition_key = ?", certificantId);
    }

    /** An event as its latest version (itself when it is one). */
    public static StoredEvent latestVersion(StoredEvent e, EventUpcasters upcasters) {
        EventUpcasters.Versioned v = upcasters.upcast(e.type(), e.payload());
        return v.type().equals(e.type()) ? e : new StoredEvent(e.position(), e.eventId(), e.aggregateId(),
                e.sequence(), v.type(), e.topic(), e.certificantId(), e.occurredAt(), v.body());
    }

    private static List<StoredEvent> upcast(List<StoredEvent> events) {
        EventUpcasters upcasters = EventUpcasters.contract();
        List<StoredEvent> latest = new ArrayList<>(events.size());
        for (StoredEvent e : events) {
            latest.add(latestVersion(e, upcasters));
        }
        return latest;
    }

    /** The oldest unpublished events (private events are never published), as stored: the relay's next batch. */
    List<StoredEvent> unpublished(int limit) {
        return jdbc.list("select " + COLUMNS + " from event_log where published_at is null and topic is not null"
                + " order by position limit ?", STORED_EVENT, limit);
    }

    void markPublished(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        jdbc.update("update event_log set published_at = now() where event_id = any(?) and published_at is null",
                (Object) eventIds.toArray(UUID[]::new));
    }

    /** How many events wait for the relay: a health and metrics figure. */
    public long unpublishedCount() {
        return number("select count(*) from event_log where published_at is null and topic is not null");
    }

    /** The number in the first column of the one row {@code sql} answers (a count, a maximum). */
    private long number(String sql, Object... params) {
        return jdbc.one(sql, FIRST_NUMBER, params).orElseThrow();
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON", e);
        }
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal.wake();
                }
            }
        });
    }
}
