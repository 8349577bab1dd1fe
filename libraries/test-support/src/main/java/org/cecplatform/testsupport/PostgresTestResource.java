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
 * production (docs/security.md): a database {@value #DATABASE} owned by {@value #OWNER}, which the migrations log in
 * as, and a runtime role {@value #RUNTIME} that owns nothing, which the service logs in as. Tests that look at the
 * database directly ({@link TestDatabase}) use the superuser.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "cec";
    public static final String OWNER = "cec_owner";
    public static final String RUNTIME = "cec_app";
    /** Checked by the server (see {@link #requirePasswords}): a service given the wrong one cannot log in. */
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
            Path dataDir = Files.createTempDirectory(workingDir, "data");
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workingDir.toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .start();
            createRolesAndDatabase(postgres.getJdbcUrl(SUPERUSER, "postgres"));
            requirePasswords(dataDir, postgres.getJdbcUrl(SUPERUSER, "postgres"));
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

    /**
     * Zonky's initdb trusts every connection; a first rule in pg_hba.conf makes the service roles log in with their
     * passwords (SCRAM), as on a real server. The superuser stays trusted, for the tests' direct reads.
     */
    private static void requirePasswords(Path dataDir, String adminUrl) throws IOException, SQLException {
        Path hba = dataDir.resolve("pg_hba.conf");
        String rule = "host all " + OWNER + "," + RUNTIME + " all scram-sha-256\n";
        Files.writeString(hba, rule + Files.readString(hba));
        try (Connection c = DriverManager.getConnection(adminUrl, SUPERUSER, SUPERUSER); Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
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
