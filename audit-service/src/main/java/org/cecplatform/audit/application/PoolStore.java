package org.cecplatform.audit.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.cecplatform.audit.domain.sampling.LevelYearPool;
import org.cecplatform.audit.domain.sampling.PoolOpened;
import org.cecplatform.audit.domain.sampling.RenewalDrawn;
import org.cecplatform.platform.eventstore.Snapshots;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.projection.ProjectionTables;

/**
 * The level-year pools as aggregates of the event store (README "Event sourcing"): a pool is loaded by folding its
 * stream ({@code pool:<LEVEL>:<year>}) from its latest usable snapshot, and changed by appending private events after
 * the sequence it was loaded at, which also updates the {@code sampling} projection in the same transaction. A pool
 * gets an event for every renewal of its level in a year, so every {@value #SNAPSHOT_EVERY} events its state is
 * snapshotted and a load folds fewer than that; a snapshot is only a cache (deleting them changes no draw).
 */
@ApplicationScoped
public class PoolStore {

    /** The schema of {@link LevelYearPool.State} in snapshots; raise it when that record changes. */
    public static final int SNAPSHOT_SCHEMA = 1;
    /**
     * Every draw loads its pool, so a load should fold few events: at most this many follow the snapshot. A snapshot
     * is one small row upserted every this many draws.
     */
    public static final int SNAPSHOT_EVERY = 25;

    /**
     * A pool as loaded: at {@code sequence} of its stream, folded from {@code eventsFolded} events after its snapshot.
     */
    public record Loaded(LevelYearPool pool, long sequence, int eventsFolded) {
    }

    private final EventLog log;
    private final Snapshots snapshots;
    private final SamplingProjection projection;
    private final ObjectMapper json;

    public PoolStore(EventLog log, Snapshots snapshots, SamplingProjection projection, ObjectMapper json) {
        this.log = log;
        this.snapshots = snapshots;
        this.projection = projection;
        this.json = json;
    }

    /** The level-year's pool folded from its events; empty before its first renewal. */
    public Optional<Loaded> load(String level, int year) {
        String stream = LevelYearPool.streamId(level, year);
        long last = log.currentSequence(stream);
        if (last == 0) {
            return Optional.empty();
        }
        Optional<Snapshots.Snapshot> snapshot = snapshots.usable(stream, SNAPSHOT_SCHEMA, last);
        LevelYearPool pool = snapshot
                .map(s -> LevelYearPool.restore(snapshots.state(s, LevelYearPool.State.class))).orElse(null);
        long sequence = snapshot.map(Snapshots.Snapshot::sequence).orElse(0L);
        List<StoredEvent> events = log.loadAfter(stream, sequence);
        for (StoredEvent event : events) {
            pool = fold(pool, event);
            sequence = event.sequence();
        }
        if (pool == null) {
            throw new IllegalStateException("the stream " + stream + " has no " + PoolOpened.TYPE);
        }
        return Optional.of(new Loaded(pool, sequence, events.size()));
    }

    /** An empty pool about to be opened by {@code opened}, the first event to {@link #append}. */
    public static Loaded opening(PoolOpened opened) {
        return new Loaded(LevelYearPool.opened(opened), 0, 0);
    }

    /**
     * Appends the pool's new events ({@link PoolOpened}, {@link RenewalDrawn}) after the sequence it was loaded at
     * (another writer in between fails with ConcurrencyConflictException), projects them, and snapshots the pool
     * (which already holds their effect) once {@value #SNAPSHOT_EVERY} events follow its last snapshot (or the
     * stream's start, e.g. after the snapshots were deleted or for a stream written by a migration).
     */
    public void append(Loaded loaded, List<Object> events) {
        LevelYearPool pool = loaded.pool();
        String stream = LevelYearPool.streamId(pool.level(), pool.year());
        List<NewEvent> appended = events.stream().map(e -> toNewEvent(stream, e)).toList();
        long last = log.append(loaded.sequence(), appended);
        projection.applyNew(appended, ProjectionTables.LIVE);
        if (loaded.eventsFolded() + appended.size() >= SNAPSHOT_EVERY) {
            snapshots.save(stream, last, SNAPSHOT_SCHEMA, pool.state());
        }
    }

    private LevelYearPool fold(LevelYearPool pool, StoredEvent event) {
        if (PoolOpened.TYPE.equals(event.type())) {
            return LevelYearPool.opened(read(event, PoolOpened.class));
        }
        if (RenewalDrawn.TYPE.equals(event.type())) {
            pool.apply(read(event, RenewalDrawn.class));
        }
        return pool;
    }

    private static NewEvent toNewEvent(String stream, Object event) {
        if (event instanceof PoolOpened opened) {
            // Private: it holds the secret seed. It is about no person; its key is the pool's stream.
            return NewEvent.privateEvent(stream, stream, PoolOpened.TYPE, opened.openedAt(), opened);
        }
        if (event instanceof RenewalDrawn drawn) {
            return NewEvent.privateEvent(stream, drawn.certificantId(), RenewalDrawn.TYPE, drawn.enteredAt(), drawn);
        }
        throw new IllegalArgumentException("not a pool event: " + event);
    }

    private <T> T read(StoredEvent event, Class<T> type) {
        try {
            return json.readValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.eventId() + " of " + event.aggregateId()
                    + " is unreadable as " + type.getSimpleName(), e);
        }
    }
}
