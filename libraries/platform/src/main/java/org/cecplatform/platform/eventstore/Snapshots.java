package org.cecplatform.platform.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * Snapshots of aggregates: a cache, never a source of truth (README "Event sourcing"). A snapshot is the aggregate
 * folded up to a sequence of its stream, written as JSON with the schema version of the code that wrote it. A load
 * uses one only if its schema version is the loader's and its sequence is not beyond the stream's (a snapshot can
 * never be ahead of the events), then folds the events after it; anything else is ignored and the stream folded from
 * the start. Deleting every snapshot therefore changes no answer.
 */
@ApplicationScoped
public class Snapshots {

    /** A snapshot as stored: the state's JSON at {@code sequence}. */
    public record Snapshot(String aggregateId, long sequence, int schemaVersion, String state) {
    }

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public Snapshots(Jdbc jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The aggregate's snapshot if it is usable: written with {@code schemaVersion} and at most at
     * {@code streamSequence} (the stream's last sequence). Empty otherwise.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Snapshot> usable(String aggregateId, int schemaVersion, long streamSequence) {
        return jdbc.one("select sequence, schema_version, state::text from aggregate_snapshot where aggregate_id = ?",
                        rs -> new Snapshot(aggregateId, rs.getLong(1), rs.getInt(2), rs.getString(3)), aggregateId)
                .filter(s -> s.schemaVersion() == schemaVersion && s.sequence() <= streamSequence);
    }

    /** The snapshot's state read as {@code type}. */
    public <T> T state(Snapshot snapshot, Class<T> type) {
        try {
            return json.readValue(snapshot.state(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the snapshot of " + snapshot.aggregateId() + " is unreadable as "
                    + type.getSimpleName() + " although its schema version matches", e);
        }
    }

    /**
     * Keeps {@code state} as the aggregate at {@code sequence}, in the caller's transaction; an older snapshot is
     * replaced, a newer one kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String aggregateId, long sequence, int schemaVersion, Object state) {
        jdbc.update("insert into aggregate_snapshot (aggregate_id, sequence, schema_version, state, taken_at)"
                        + " values (?, ?, ?, ?::json, ?) on conflict (aggregate_id)"
                        + " do update set sequence = excluded.sequence, schema_version = excluded.schema_version,"
                        + " state = excluded.state, taken_at = excluded.taken_at"
                        + " where aggregate_snapshot.sequence < excluded.sequence"
                        + " or aggregate_snapshot.schema_version <> excluded.schema_version",
                aggregateId, sequence, schemaVersion, toJson(aggregateId, state), clock.instant());
    }

    /** Deletes every snapshot: the test that answers do not depend on them, and an operator's reset. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int deleteAll() {
        return jdbc.update("delete from aggregate_snapshot");
    }

    private String toJson(String aggregateId, Object state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the state of " + aggregateId + " cannot be written as JSON", e);
        }
    }
}
