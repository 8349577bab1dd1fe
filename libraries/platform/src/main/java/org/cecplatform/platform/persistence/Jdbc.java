package org.cecplatform.platform.persistence;

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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one way the services run SQL by hand: event append, intake, projection batches, the hot reads, the platform's own
 * tables, and the read models of the services without Hibernate (README "Inside a service").
 *
 * <p>Every call takes its connection from the data source, so inside a JTA transaction it is the transaction's
 * connection: the statements commit or roll back with everything else in the transaction. Parameters are bound by
 * type: {@code null}, {@link Instant} as a timestamp, an enum by its name, {@code UUID[]}, {@code String[]} and
 * {@code Long[]} as SQL arrays, anything else as an object. An array that is the only parameter must be passed as
 * {@code (Object) ids}: otherwise Java spreads it into the parameters. A failed statement becomes a
 * {@link DataAccessException} that names it.
 */
@ApplicationScoped
public class Jdbc {

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work that needs the connection itself (streams, large objects); runs on the transaction's connection. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an insert, update or delete; the number of rows it changed. */
    public int update(String sql, Object... params) {
        return withConnection(sql, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(c, s, params);
                return s.executeUpdate();
            }
        });
    }

    /** One statement for each item, sent as one JDBC batch; {@code params} gives each item's parameters. */
    public <T> void batch(String sql, Collection<T> items, Function<T, Object[]> params) {
        if (items.isEmpty()) {
            return;
        }
        withConnection(sql, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (T item : items) {
                    bind(c, s, params.apply(item));
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    /** One statement with many parameter rows, sent as one JDBC batch. */
    public void batch(String sql, List<Object[]> rows) {
        batch(sql, rows, Function.identity());
    }

    public <T> List<T> list(String sql, RowMapper<T> row, Object... params) {
        return withConnection(sql, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(c, s, params);
                List<T> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(row.map(rs));
                    }
                }
                return found;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> row, Object... params) {
        List<T> found = list(sql, row, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Several queries, separated by {@code ;}, sent in one round trip; the rows of each result in order, each read by
     * its own mapper. Parameters are numbered across all the queries.
     */
    public List<List<?>> lists(String sql, List<RowMapper<?>> rows, Object... params) {
        return withConnection(sql, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(c, s, params);
                List<List<?>> results = new ArrayList<>(rows.size());
                boolean isResultSet = s.execute();
                for (RowMapper<?> row : rows) {
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
            }
        });
    }

    /** Runs {@code work} on the (transaction's) connection; {@code what} names it in the exception if it fails. */
    public <T> T withConnection(String what, ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
    }

    /** Binds {@code params} to the statement's parameters 1..n (see the class comment for the types). */
    public static void bind(Connection c, PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int index = i + 1;
            if (p == null) {
                s.setNull(index, Types.NULL);
            } else if (p instanceof Instant instant) {
                s.setTimestamp(index, Timestamp.from(instant));
            } else if (p instanceof Enum<?> value) {
                s.setString(index, value.name());
            } else if (p instanceof UUID[] ids) {
                s.setArray(index, c.createArrayOf("uuid", ids));
            } else if (p instanceof String[] texts) {
                s.setArray(index, c.createArrayOf("text", texts));
            } else if (p instanceof Long[] numbers) {
                s.setArray(index, c.createArrayOf("bigint", numbers));
            } else {
                s.setObject(index, p);
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
}
