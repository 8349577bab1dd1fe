package org.cecplatform.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL 17 server from embedded binaries (no Docker), one per test run of a module, set up as in
 * production (README "Security"): a database {@value #DATABASE} owned by {@value #OWNER}, which the migrations log in
 * as, and a runtime role {@value #RUNTIME} that owns nothing, which the service logs in as. Tests that look at the
 * database directly ({@link TestDatabase}) use the superuser.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "cec";
    public static final String OWNER = "cec_owner";
    public static final String RUNTIME = "cec_app";
    /** Zonky's server trusts local connections, so these are not checked; they are what a service must be given. */
    public static final String OWNER_PASSWORD = "owner-test-only";
    public static final String RUNTIME_PASSWORD = "app-test-only";
    static final String SUPERUSER = "postgres";

    private static volatile String jdbcUrl;
    private EmbeddedPostgres postgres;

    /** The running server's JDBC URL for the service's database, for tests that look at it directly. */
    public static String jdbcUrl() {
        if (jdbcUrl == null) {
            throw new IllegalStateException("the PostgreSQL test server is not running");
        }
        return jdbcUrl;
    }

    /** A connection to the service's database as the superuser: what a test may do that the service may not. */
    public static Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SUPERUSER, SUPERUSER);
    }

    /** A connection to the service's database as the service's runtime role: what the service itself may do. */
    public static Connection runtimeRole() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), RUNTIME, RUNTIME_PASSWORD);
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
            createRolesAndDatabase(postgres.getJdbcUrl(SUPERUSER, "postgres"));
            // Without a user parameter (zonky's URLs name the superuser, which would win over the credentials given).
            jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
            return Map.of(
                    "quarkus.datasource.jdbc.url", jdbcUrl,
                    "quarkus.datasource.username", RUNTIME,
                    "quarkus.datasource.password", RUNTIME_PASSWORD,
                    "quarkus.flyway.username", OWNER,
                    "quarkus.flyway.password", OWNER_PASSWORD);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the PostgreSQL test server", e);
        }
    }

    /** The same statements as deploy/compose/init-databases.sql, for one database. */
    private static void createRolesAndDatabase(String adminUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, SUPERUSER, SUPERUSER); Statement s = c.createStatement()) {
            s.execute("create role " + OWNER + " login password '" + OWNER_PASSWORD + "'");
            s.execute("create role " + RUNTIME + " login password '" + RUNTIME_PASSWORD + "'");
            s.execute("create database " + DATABASE + " owner " + OWNER);
            s.execute("revoke all on database " + DATABASE + " from public");
            s.execute("grant connect on database " + DATABASE + " to " + RUNTIME);
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
