package org.cecplatform.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        try (Connection c = PostgresTestResource.superuser();
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
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
}
