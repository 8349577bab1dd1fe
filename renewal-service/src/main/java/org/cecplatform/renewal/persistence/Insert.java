package org.cecplatform.renewal.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * One row to insert, each value named beside its column: a wide row (a renewal has 25 columns) cannot bind a value to
 * the wrong column, and the statement says what it writes. It only builds the SQL; the platform's {@code Jdbc} runs it.
 */
final class Insert {

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final List<String> placeholders = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private Insert(String table) {
        this.table = table;
    }

    static Insert into(String table) {
        return new Insert(table);
    }

    Insert value(String column, Object value) {
        return add(column, "?", value);
    }

    /** A {@code jsonb} column, given its JSON text. */
    Insert jsonb(String column, String json) {
        return add(column, "?::jsonb", json);
    }

    private Insert add(String column, String placeholder, Object value) {
        columns.add(column);
        placeholders.add(placeholder);
        values.add(value);
        return this;
    }

    String sql() {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", placeholders) + ")";
    }

    Object[] params() {
        return values.toArray();
    }
}
