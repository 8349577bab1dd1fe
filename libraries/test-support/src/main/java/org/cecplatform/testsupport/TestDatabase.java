package org.cecplatform.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the test PostgreSQL server directly, as its superuser: for a test that checks what a projection holds, row by
 * row (the service itself runs as a role with fewer rights, see {@link PostgresTestResource}).
 */
public final class TestDatabase {

    /** Maps the current row of a result. */
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private TestDatabase() {
    }

    /** The first row {@code sql} selects with these parameters, mapped; empty when it selects none. */
    public static <T> Optional<T> firstRow(String sql, Row<T> mapper, Object... parameters) {
        return allRows(sql, mapper, parameters).stream().findFirst();
    }

    /** Every row {@code sql} selects with these parameters, mapped, in the order the query gives them. */
    public static <T> List<T> allRows(String sql, Row<T> mapper, Object... parameters) {
        try (Connection c = PostgresTestResource.superuser();
             PreparedStatement statement = prepare(c, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> mapped = new ArrayList<>();
            while (rows.next()) {
                mapped.add(mapper.map(rows));
            }
            return mapped;
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    /** Runs one statement with these parameters, as the superuser. */
    public static void execute(String sql, Object... parameters) {
        try (Connection c = PostgresTestResource.superuser();
             PreparedStatement statement = prepare(c, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    /** Runs one statement on a connection of {@code dataSource} (e.g. the service's own, as its runtime role). */
    public static void execute(DataSource dataSource, String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** Like {@link #rows(Connection, String)}, on a connection of {@code dataSource}. */
    public static List<String> rows(DataSource dataSource, String query) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return rows(c, query);
        }
    }

    /** Every row {@code query} selects on {@code c}, each as its columns' text joined by {@code |} (null as "null"). */
    public static List<String> rows(Connection c, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
