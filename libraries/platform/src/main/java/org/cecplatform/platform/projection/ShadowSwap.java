package org.cecplatform.platform.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * The table work of a rebuild: emptying the shadow copies, locking the live tables against writers (readers go on and
 * see the old contents until the swap commits), and replacing the live contents with the shadow's. Copying rows, rather
 * than renaming tables, keeps the live tables' names, indexes, constraints, foreign keys and grants as the migrations
 * made them.
 */
@ApplicationScoped
class ShadowSwap {

    /** How long the swap waits for the writers of the live tables before it gives up and retries. */
    static final String LOCK_TIMEOUT = "10s";

    private final Jdbc jdbc;

    ShadowSwap(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void clearShadow(Projection projection) {
        for (String table : childrenFirst(projection)) {
            jdbc.update("delete from " + ProjectionTables.SHADOW.of(table));
        }
    }

    /**
     * Takes the live tables' EXCLUSIVE lock for the rest of the transaction: it waits for every transaction that wrote
     * them to finish, then holds off the writers (not the readers) until the swap commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void lockLive(Projection projection) {
        jdbc.update("set local lock_timeout = '" + LOCK_TIMEOUT + "'");
        jdbc.update("lock table " + String.join(", ", projection.tables()) + " in exclusive mode");
    }

    /** Replaces the live tables' rows with the shadow's and empties the shadow; needs {@link #lockLive} first. */
    @Transactional(Transactional.TxType.MANDATORY)
    void replaceLive(Projection projection) {
        for (String table : childrenFirst(projection)) {
            jdbc.update("delete from " + table);
        }
        for (String table : projection.tables()) {
            String columns = String.join(", ", columns(table));
            jdbc.update("insert into " + table + " (" + columns + ") select " + columns + " from "
                    + ProjectionTables.SHADOW.of(table));
        }
        clearShadow(projection);
    }

    /** The projection's tables whose shadow differs from them in columns (name, type, order). */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<String> shadowMismatches(Projection projection) {
        List<String> mismatches = new ArrayList<>();
        for (String table : projection.tables()) {
            List<String> live = describe(table, "column_name || ' ' || data_type");
            List<String> shadow = describe(ProjectionTables.SHADOW.of(table), "column_name || ' ' || data_type");
            if (!live.equals(shadow)) {
                mismatches.add(table + " " + live + " but its shadow " + shadow);
            }
        }
        return mismatches;
    }

    /** Tables are listed parents first; rows go away children first. */
    private static List<String> childrenFirst(Projection projection) {
        List<String> children = new ArrayList<>(projection.tables());
        Collections.reverse(children);
        return children;
    }

    /** The live table's columns, in order, quoted (the shadow has the same ones: {@link #shadowMismatches}). */
    private List<String> columns(String table) {
        List<String> columns = describe(table, "'\"' || column_name || '\"'");
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table);
        }
        return columns;
    }

    /** {@code expression} over each of the table's columns, in column order. */
    private List<String> describe(String table, String expression) {
        return jdbc.list("select " + expression + " from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position",
                rs -> rs.getString(1), table);
    }
}
