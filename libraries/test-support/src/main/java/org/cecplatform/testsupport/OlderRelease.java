package org.cecplatform.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A database as an installation of an older release has it, upgraded the way the service upgrades it at start: the
 * older release's migration scripts (the service's own, byte for byte, taken from the class path) applied to a new
 * database on the test server, then every current migration, out of order (the platform's migrations are numbered
 * below the services', so one added later arrives after them).
 */
public final class OlderRelease {

    private final String url;

    private OlderRelease(String url) {
        this.url = url;
    }

    /** A new database on the test server, migrated with exactly {@code scripts} (class-path resource names). */
    public static OlderRelease migratedWith(List<String> scripts) {
        String database = "older_release_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = PostgresTestResource.superuser(); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create " + database, e);
        }
        String serverUrl = PostgresTestResource.jdbcUrl();
        OlderRelease release = new OlderRelease(serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database);
        Flyway.configure().dataSource(release.url, "postgres", "postgres")
                .locations("filesystem:" + copy(scripts)).placeholders(Map.of("runtime_role", "postgres"))
                .load().migrate();
        return release;
    }

    /** Upgrades it as the service does: every location, out of order. */
    public void upgrade() {
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/platform", "classpath:db/migration").outOfOrder(true)
                .placeholders(Map.of("runtime_role", "postgres")).load().migrate();
    }

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    private static Path copy(List<String> scripts) {
        try {
            Path dir = Files.createTempDirectory("older-release");
            for (String script : scripts) {
                try (InputStream in = OlderRelease.class.getClassLoader().getResourceAsStream(script)) {
                    if (in == null) {
                        throw new IllegalStateException("no " + script + " on the class path");
                    }
                    Files.copy(in, dir.resolve(Path.of(script).getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
