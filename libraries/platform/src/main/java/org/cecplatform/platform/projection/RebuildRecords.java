package org.cecplatform.platform.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code projection_rebuild} rows: which rebuild runs where, and how far it got. One rebuild per projection across
 * every instance; the running instance's heartbeat (database time: staff may move the service clock) keeps others from
 * starting a second one, and a heartbeat older than {@link #STALE} lets one start again.
 */
@ApplicationScoped
class RebuildRecords {

    static final String STALE = "2 minutes";

    private final DataSource dataSource;

    RebuildRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Claims the projection's rebuild for {@code runBy}; false when a live rebuild holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean claim(String name, String startedBy, Instant startedAt, String runBy) {
        return update("insert into projection_rebuild (name, state, events_done, events_total, started_at, started_by,"
                        + " finished_at, heartbeat_at, run_by, error) values (?, 'RUNNING', 0, null, ?, ?, null, now(), ?,"
                        + " null) on conflict (name) do update set state = 'RUNNING', events_done = 0,"
                        + " events_total = null, started_at = excluded.started_at, started_by = excluded.started_by,"
                        + " finished_at = null, heartbeat_at = now(), run_by = excluded.run_by, error = null"
                        + " where projection_rebuild.state <> 'RUNNING'"
                        + " or projection_rebuild.heartbeat_at < now() - interval '" + STALE + "'",
                s -> {
                    s.setString(1, name);
                    s.setTimestamp(2, Timestamp.from(startedAt));
                    s.setString(3, startedBy);
                    s.setString(4, runBy);
                }) == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void progress(String name, String runBy, long done, Long total) {
        update("update projection_rebuild set events_done = ?, events_total = coalesce(?, events_total),"
                + " heartbeat_at = now() where name = ? and run_by = ? and state = 'RUNNING'", s -> {
                    s.setLong(1, done);
                    s.setObject(2, total);
                    s.setString(3, name);
                    s.setString(4, runBy);
                });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void finish(String name, String runBy, String state, long done, Instant finishedAt, String error) {
        update("update projection_rebuild set state = ?, events_done = ?, finished_at = ?, heartbeat_at = now(),"
                + " error = ? where name = ? and run_by = ?", s -> {
                    s.setString(1, state);
                    s.setLong(2, done);
                    s.setTimestamp(3, Timestamp.from(finishedAt));
                    s.setString(4, error);
                    s.setString(5, name);
                    s.setString(6, runBy);
                });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<RebuildProgress> read(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select state, events_done, events_total, started_at,"
                     + " started_by, finished_at, error, (state = 'RUNNING' and heartbeat_at < now() - interval '"
                     + STALE + "') from projection_rebuild where name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long total = rs.getLong(3);
                Long knownTotal = rs.wasNull() ? null : total;
                return Optional.of(new RebuildProgress(name,
                        rs.getBoolean(8) ? RebuildProgress.ABANDONED : rs.getString(1), rs.getLong(2), knownTotal,
                        instant(rs.getTimestamp(4)), rs.getString(5), instant(rs.getTimestamp(6)), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the rebuild of " + name, e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a projection rebuild", e);
        }
    }
}
