package org.cecplatform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.cecplatform.testsupport.PostgresTestResource;

/** Tables read row by row as JSON text, as the superuser: to compare a projection's rows before and after. */
final class TableRows {

    private TableRows() {
    }

    /** Every row of {@code table}, each as its JSON, in the order of {@code orderBy}. */
    static List<String> of(String table, String orderBy) {
        return strings("select row_to_json(t)::text from " + table + " t order by " + orderBy);
    }

    static long count(String sql, Object... parameters) {
        return Long.parseLong(strings(sql, parameters).get(0));
    }

    static List<String> strings(String sql, Object... parameters) {
        try (Connection c = PostgresTestResource.superuser(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    static void execute(String sql, Object... parameters) {
        try (Connection c = PostgresTestResource.superuser(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }
}
