package org.cecplatform.audit;

import java.util.List;
import org.cecplatform.testsupport.TestDatabase;

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

    /** The first column of every row {@code sql} selects, as text. */
    static List<String> strings(String sql, Object... parameters) {
        return TestDatabase.allRows(sql, row -> row.getString(1), parameters);
    }

    static void execute(String sql, Object... parameters) {
        TestDatabase.execute(sql, parameters);
    }
}
