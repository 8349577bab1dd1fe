package org.cecplatform.platform.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

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

    private final DataSource dataSource;

    ShadowSwap(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void clearShadow(Projection projection) {
        List<String> children = new ArrayList<>(projection.tables());
        Collections.reverse(children);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : children) {
                s.executeUpdate("delete from " + ProjectionTables.SHADOW.of(table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the shadow of " + projection.name(), e);
        }
    }

    /**
     * Takes the live tables' EXCLUSIVE lock for the rest of the transaction: it waits for every transaction that wrote
     * them to finish, then holds off the writers (not the readers) until the swap commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void lockLive(Projection projection) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set local lock_timeout = '" + LOCK_TIMEOUT + "'");
            s.execute("lock table " + String.join(", ", projection.tables()) + " in exclusive mode");
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the tables of " + projection.name(), e);
        }
    }

    /** Replaces the live tables' rows with the shadow's and empties the shadow; needs {@link #lockLive} first. */
    @Transactional(Transactional.TxType.MANDATORY)
    void replaceLive(Projection projection) {
        List<String> parentsFirst = projection.tables();
        List<String> childrenFirst = new ArrayList<>(parentsFirst);
        Collections.reverse(childrenFirst);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : childrenFirst) {
                s.executeUpdate("delete from " + table);
            }
            for (String table : parentsFirst) {
                String columns = String.join(", ", columns(c, table));
                s.executeUpdate("insert into " + table + " (" + columns + ") select " + columns + " from "
                        + ProjectionTables.SHADOW.of(table));
            }
            for (String table : childrenFirst) {
                s.executeUpdate("delete from " + ProjectionTables.SHADOW.of(table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not replace the tables of " + projection.name(), e);
        }
    }

    /** The projection's tables whose shadow differs from them in columns (name, type, order). */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<String> shadowMismatches(Projection projection) {
        List<String> mismatches = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : projection.tables()) {
                List<String> live = describe(c, table, "column_name || ' ' || data_type");
                List<String> shadow = describe(c, ProjectionTables.SHADOW.of(table), "column_name || ' ' || data_type");
                if (!live.equals(shadow)) {
                    mismatches.add(table + " " + live + " but its shadow " + shadow);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not compare the shadows of " + projection.name(), e);
        }
        return mismatches;
    }

    /** The live table's columns, in order, quoted (the shadow has the same ones: {@link #shadowMismatches}). */
    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = describe(c, table, "'\"' || column_name || '\"'");
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table);
        }
        return columns;
    }

    /** {@code expression} over each of the table's columns, in column order. */
    private static List<String> describe(Connection c, String table, String expression) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + expression + " from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            s.setString(1, table);
            List<String> described = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    described.add(rs.getString(1));
                }
            }
            return described;
        }
    }
}
