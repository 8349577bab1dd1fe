package org.cecplatform.systemtests;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PostgresConnection;

/** Reads the services' databases directly (JDBC), to compare what each one holds. Read-only. */
final class ReliabilityDatabases {

    static final String LEDGER = "ledger";
    static final String RENEWAL = "renewal";
    static final String AUDIT = "audit";
    static final String NOTIFICATION = "notification";
    static final List<String> ALL = List.of(LEDGER, RENEWAL, AUDIT);

    private final LocalStackCluster cluster;

    ReliabilityDatabases(LocalStackCluster cluster) {
        this.cluster = cluster;
    }

    long count(String db, String sql, Object... params) {
        return query(db, sql, params, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** First column → second column (a numeric sum per key, say). */
    Map<String, BigDecimal> sums(String db, String sql, Object... params) {
        return query(db, sql, params, rs -> {
            Map<String, BigDecimal> sums = new TreeMap<>();
            while (rs.next()) {
                BigDecimal value = rs.getBigDecimal(2);
                sums.put(rs.getString(1), value == null ? BigDecimal.ZERO : value.stripTrailingZeros());
            }
            return sums;
        });
    }

    /** First column → how many rows have it. */
    Map<String, Long> counts(String db, String sql, Object... params) {
        return query(db, sql, params, rs -> {
            Map<String, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.merge(rs.getString(1), 1L, Long::sum);
            }
            return counts;
        });
    }

    /** Every row as text, columns joined by '|': a snapshot to compare before and after. */
    List<String> rows(String db, String sql, Object... params) {
        return query(db, sql, params, rs -> {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? "|" : "").append(rs.getString(c));
                }
                rows.add(row.toString());
            }
            return rows;
        });
    }

    /**
     * Events in the service's outbox not yet published: 0 when its relay has caught up. Private events (no topic) are
     * never published and not counted.
     */
    long unpublished(String db) {
        return count(db, "select count(*) from event_log where published_at is null and topic is not null");
    }

    long eventLogRows(String db) {
        return count(db, "select count(*) from event_log");
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String db, String sql, Object[] params, Reader<T> reader) {
        PostgresConnection pg = cluster.postgres();
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl(db), pg.user(), pg.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + db + " failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
