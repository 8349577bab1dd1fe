package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Plain JDBC on the service's data source. Inside a JTA transaction every call uses the transaction's connection,
 * so these statements commit or roll back together with the event log append.
 */
@ApplicationScoped
public class Sql {

    /** Reads one row. */
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    /** One statement with many parameter rows, sent as one JDBC batch. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(s, params);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<T> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(row.map(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    /**
     * Several queries, separated by {@code ;}, sent in one round trip; the rows of each result in order, each read by
     * its own row mapper. Parameters are numbered across all the queries.
     */
    public List<List<?>> lists(String sql, List<Row<?>> rows, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<List<?>> results = new ArrayList<>(rows.size());
            boolean isResultSet = s.execute();
            for (Row<?> row : rows) {
                if (!isResultSet) {
                    throw new IllegalStateException("expected " + rows.size() + " results from: " + sql);
                }
                List<Object> found = new ArrayList<>();
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        found.add(row.map(rs));
                    }
                }
                results.add(found);
                isResultSet = s.getMoreResults();
            }
            return results;
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> found = list(sql, row, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (p instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A failed statement, with the SQL it ran and the database's own exception as the cause. */
    public static class DataAccessException extends RuntimeException {
        public DataAccessException(String sql, SQLException cause) {
            super("statement failed: " + sql.lines().findFirst().orElse(sql) + ": " + cause.getMessage(), cause);
        }

        public boolean violates(String constraint) {
            for (Throwable t = getCause(); t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                        && String.valueOf(sql.getMessage()).contains(constraint)) {
                    return true;
                }
            }
            return false;
        }
    }
}
