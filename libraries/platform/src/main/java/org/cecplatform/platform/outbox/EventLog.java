package org.cecplatform.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.cecplatform.contract.upcasting.EventUpcasters;

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

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SEQUENCE_CONSTRAINT = "event_log_aggregate_sequence";
    private static final String COLUMNS =
            "position, event_id, aggregate_id, sequence, event_type, topic, partition_key, occurred_at, payload::text";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;

    public EventLog(DataSource dataSource, ObjectMapper json, TransactionSynchronizationRegistry transactions,
                    OutboxSignal signal) {
        this.dataSource = dataSource;
        this.json = json;
        this.transactions = transactions;
        this.signal = signal;
    }

    /** The last sequence number of an aggregate, 0 when it has no events yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long currentSequence(String aggregateId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select coalesce(max(sequence), 0) from event_log where aggregate_id = ?")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sequence of " + aggregateId, e);
        }
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
        String aggregateId = events.get(0).aggregateId();
        if (events.stream().anyMatch(e -> !e.aggregateId().equals(aggregateId))) {
            throw new IllegalArgumentException("one append covers one aggregate");
        }
        appendAll(List.of(new Append(expectedSequence, events)));
        return expectedSequence + events.size();
    }

    /** The events of one aggregate to append after {@code expectedSequence}: one part of {@link #appendAll}. */
    public record Append(long expectedSequence, List<NewEvent> events) {
    }

    /** The last sequence number of each aggregate named (0 for one without events), in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> currentSequences(Collection<String> aggregateIds) {
        Map<String, Long> sequences = new HashMap<>();
        for (String id : aggregateIds) {
            sequences.put(id, 0L);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select aggregate_id, max(sequence) from event_log"
                     + " where aggregate_id = any(?) group by aggregate_id")) {
            s.setArray(1, c.createArrayOf("text", sequences.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sequences.put(rs.getString(1), rs.getLong(2));
                }
            }
            return sequences;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sequences of " + aggregateIds.size() + " aggregates", e);
        }
    }

    /**
     * {@link #append} for several aggregates (or several appends to one, each after the one before) in one JDBC batch,
     * in list order, so the log's order is the list's. A sequence taken by someone else fails the whole batch with
     * {@link ConcurrencyConflictException}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Append> appends) {
        if (appends.stream().allMatch(a -> a.events().isEmpty())) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into event_log (event_id, aggregate_id, sequence,"
                     + " event_type, topic, partition_key, occurred_at, payload) values (?, ?, ?, ?, ?, ?, ?, ?::json)")) {
            for (Append append : appends) {
                long sequence = append.expectedSequence();
                for (NewEvent event : append.events()) {
                    if (!event.aggregateId().equals(append.events().get(0).aggregateId())) {
                        throw new IllegalArgumentException("one append covers one aggregate");
                    }
                    sequence++;
                    s.setObject(1, event.eventId());
                    s.setString(2, event.aggregateId());
                    s.setLong(3, sequence);
                    s.setString(4, event.type());
                    s.setString(5, event.topic());
                    s.setString(6, event.certificantId());
                    s.setTimestamp(7, Timestamp.from(event.occurredAt()));
                    s.setString(8, toJson(event.payload()));
                    s.addBatch();
                }
            }
            s.executeBatch();
        } catch (SQLException e) {
            if (isSequenceConflict(e)) {
                throw appends.size() == 1
                        ? new ConcurrencyConflictException(appends.get(0).events().get(0).aggregateId(),
                                appends.get(0).expectedSequence() + 1, e)
                        : new ConcurrencyConflictException("(a batch of " + appends.size() + ")", 0, e);
            }
            throw new IllegalStateException("could not append a batch of " + appends.size(), e);
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
        return upcast(query("select " + COLUMNS + " from event_log where aggregate_id = ? and sequence > ?"
                + " order by sequence", s -> {
                    s.setString(1, aggregateId);
                    s.setLong(2, sequence);
                }));
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
        return upcast(query("select " + COLUMNS + " from event_log where position = any(?)"
                + " union all (select " + COLUMNS + " from event_log where position > ? order by position limit ?)"
                + " order by position", s -> {
                    s.setArray(1, s.getConnection().createArrayOf("bigint", skipped.toArray()));
                    s.setLong(2, position);
                    s.setInt(3, limit);
                }));
    }

    /** How many events the log holds: a rebuild's total. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from event_log");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the event log", e);
        }
    }

    private static List<StoredEvent> upcast(List<StoredEvent> events) {
        EventUpcasters upcasters = EventUpcasters.contract();
        List<StoredEvent> latest = new ArrayList<>(events.size());
        for (StoredEvent e : events) {
            EventUpcasters.Versioned v = upcasters.upcast(e.type(), e.payload());
            latest.add(v.type().equals(e.type()) ? e : new StoredEvent(e.position(), e.eventId(), e.aggregateId(),
                    e.sequence(), v.type(), e.topic(), e.certificantId(), e.occurredAt(), v.body()));
        }
        return latest;
    }

    /** The oldest unpublished events (private events are never published), as stored: the relay's next batch. */
    List<StoredEvent> unpublished(int limit) {
        return query("select " + COLUMNS + " from event_log where published_at is null and topic is not null"
                + " order by position limit ?",
                s -> s.setInt(1, limit));
    }

    void markPublished(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "update event_log set published_at = now() where event_id = any(?) and published_at is null")) {
            s.setArray(1, c.createArrayOf("uuid", eventIds.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark events published", e);
        }
    }

    /** How many events wait for the relay: a health and metrics figure. */
    public long unpublishedCount() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from event_log where published_at is null and topic is not null");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count unpublished events", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<StoredEvent> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant(), rs.getString(9)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event log", e);
        }
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

    private static boolean isSequenceConflict(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())
                    && String.valueOf(next.getMessage()).contains(SEQUENCE_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }
}
