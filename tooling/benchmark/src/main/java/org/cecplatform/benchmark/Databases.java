package org.cecplatform.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PostgresConnection;

/** Plain JDBC to the services' databases (read only: counts and the projection's insert times). */
public final class Databases {

    private final LocalStackCluster cluster;

    public Databases(LocalStackCluster cluster) {
        this.cluster = cluster;
    }

    public Connection open(String database) throws SQLException {
        PostgresConnection pg = cluster.postgres();
        return DriverManager.getConnection(cluster.jdbcUrl(database), pg.user(), pg.password());
    }

    public long count(String database, String sql, Object... args) throws SQLException {
        try (Connection c = open(database)) {
            return query(c, sql, rs -> {
                try {
                    return rs.next() ? rs.getLong(1) : 0L;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, args);
        }
    }

    public static <T> T query(Connection c, String sql, Function<ResultSet, T> reader, Object... args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.apply(rs);
            }
        }
    }
}
