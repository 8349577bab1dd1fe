package org.cecplatform.platform.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * The {@code projection_rebuild} rows: which rebuild runs where, and how far it got. One rebuild per projection across
 * every instance; the running instance's heartbeat (database time: staff may move the service clock) keeps others from
 * starting a second one, and a heartbeat older than {@link #STALE} lets one start again.
 */
@ApplicationScoped
class RebuildRecords {

    static final String STALE = "2 minutes";

    private final Jdbc jdbc;

    RebuildRecords(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the projection's rebuild for {@code runBy}; false when a live rebuild holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean claim(String name, String startedBy, Instant startedAt, String runBy) {
        return jdbc.update("insert into projection_rebuild (name, state, events_done, events_total, started_at,"
                + " started_by, finished_at, heartbeat_at, run_by, error) values (?, 'RUNNING', 0, null, ?, ?, null,"
                + " now(), ?, null) on conflict (name) do update set state = 'RUNNING', events_done = 0,"
                + " events_total = null, started_at = excluded.started_at, started_by = excluded.started_by,"
                + " finished_at = null, heartbeat_at = now(), run_by = excluded.run_by, error = null"
                + " where projection_rebuild.state <> 'RUNNING'"
                + " or projection_rebuild.heartbeat_at < now() - interval '" + STALE + "'",
                name, startedAt, startedBy, runBy) == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void progress(String name, String runBy, long done, Long total) {
        jdbc.update("update projection_rebuild set events_done = ?, events_total = coalesce(?::bigint, events_total),"
                + " heartbeat_at = now() where name = ? and run_by = ? and state = 'RUNNING'",
                done, total, name, runBy);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void finish(String name, String runBy, String state, long done, Instant finishedAt, String error) {
        jdbc.update("update projection_rebuild set state = ?, events_done = ?, finished_at = ?, heartbeat_at = now(),"
                + " error = ? where name = ? and run_by = ?", state, done, finishedAt, error, name, runBy);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<RebuildProgress> read(String name) {
        return jdbc.one("select state, events_done, events_total, started_at, started_by, finished_at, error,"
                + " (state = 'RUNNING' and heartbeat_at < now() - interval '" + STALE + "') as abandoned"
                + " from projection_rebuild where name = ?", rs -> new RebuildProgress(name,
                        rs.getBoolean("abandoned") ? RebuildProgress.ABANDONED : rs.getString("state"),
                        rs.getLong("events_done"), rs.getObject("events_total", Long.class),
                        Jdbc.instant(rs, "started_at"), rs.getString("started_by"), Jdbc.instant(rs, "finished_at"),
                        rs.getString("error")), name);
    }
}
