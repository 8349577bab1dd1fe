package org.cecplatform.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A real PostgreSQL 17 server from embedded binaries (no Docker), one per test run of a module. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String jdbcUrl;
    private EmbeddedPostgres postgres;

    /** The running server's JDBC URL, for tests that look at the database directly. */
    public static String jdbcUrl() {
        if (jdbcUrl == null) {
            throw new IllegalStateException("the PostgreSQL test server is not running");
        }
        return jdbcUrl;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path workingDir = Files.createDirectories(Path.of("target", "postgres-test").toAbsolutePath());
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workingDir.toFile())
                    .setDataDirectory(Files.createTempDirectory(workingDir, "data"))
                    .setCleanDataDirectory(true)
                    .start();
            jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            return Map.of(
                    "quarkus.datasource.jdbc.url", jdbcUrl,
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("could not start the PostgreSQL test server", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not stop the PostgreSQL test server", e);
        } finally {
            jdbcUrl = null;
        }
    }
}
