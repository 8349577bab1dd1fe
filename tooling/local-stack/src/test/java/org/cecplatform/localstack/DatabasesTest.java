package org.cecplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The services' databases and roles on a real embedded server: made on a new server, made again (the same) on a
 * second start, and a data folder from before the roles (tables owned by the administrator) handed to the owner role.
 */
class DatabasesTest {

    private static final Path DIR = Path.of("target", "databases-test").toAbsolutePath();
    private static EmbeddedPostgresServer server;
    private static PostgresConnection admin;

    @BeforeAll
    static void startServer() throws Exception {
        deleteRecursively(DIR);
        int port = Ports.freePort();
        server = new EmbeddedPostgresServer(DIR.resolve("data"), DIR.resolve("work"), DIR.resolve("postgres.log"), port);
        server.start();
        server.requirePasswords(List.of("ledger_owner", "ledger_app", "renewal_owner", "renewal_app", "audit_owner", "audit_app"));
        admin = new PostgresConnection("127.0.0.1", port, "postgres", "postgres");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    @Test
    void aDataFolderFromBeforeTheRolesIsHandedToTheOwnerAndEverySecondStartChangesNothing() throws Exception {
        // as the stack left it before: the database and the migrations' objects owned by the administrator
        execute("postgres", "create database ledger");
        execute("ledger", "create table event_log (position bigserial primary key, payload text)",
                "create function event_log_append_only() returns trigger language plpgsql as $$ begin return new; end $$",
                "create table flyway_schema_history (installed_rank int primary key)");
        Path file = DIR.resolve("postgres-credentials.properties");
        DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(file, List.of("ledger", "renewal"));

        new Databases(admin, credentials).ensure(List.of("ledger", "renewal"));
        new Databases(admin, DatabaseCredentials.loadOrCreate(file, List.of("ledger", "renewal"))).ensure(List.of("ledger", "renewal"));

        assertThat(column("postgres", "select datname || ':' || pg_get_userbyid(datdba) from pg_database"
                + " where datname in ('ledger', 'renewal') order by 1"))
                .containsExactly("ledger:ledger_owner", "renewal:renewal_owner");
        assertThat(column("ledger", "select distinct pg_get_userbyid(relowner) from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace where n.nspname = 'public'")).containsExactly("ledger_owner");
        assertThat(column("ledger", "select pg_get_userbyid(proowner) from pg_proc where proname = 'event_log_append_only'"))
                .containsExactly("ledger_owner");
        // the owner can now grant the runtime role its rights (what the services' migrations do)
        try (Connection owner = login("ledger", "ledger_owner", credentials); Statement s = owner.createStatement()) {
            s.execute("grant select, insert on event_log to ledger_app");
            s.execute("grant usage on sequence event_log_position_seq to ledger_app");
        }
        try (Connection runtime = login("ledger", "ledger_app", credentials); Statement s = runtime.createStatement()) {
            assertThat(s.executeUpdate("insert into event_log (payload) values ('x')")).isEqualTo(1);
        }
    }

    @Test
    void aRuntimeRoleReachesOnlyItsOwnDatabase() throws Exception {
        DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(DIR.resolve("only-own.properties"), List.of("audit", "renewal"));
        new Databases(admin, credentials).ensure(List.of("audit", "renewal"));

        login("audit", "audit_app", credentials).close();
        assertThatThrownBy(() -> DriverManager.getConnection(admin.jdbcUrl("audit"), "audit_app", "guessed").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        assertThatThrownBy(() -> login("renewal", "audit_app", credentials).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                .hasMessageContaining("permission denied for database \"renewal\"");
        assertThat(column("postgres", "select rolname from pg_roles where rolname like 'audit%' and not rolsuper"
                + " and not rolcreatedb and not rolcreaterole and rolcanlogin order by 1"))
                .containsExactly("audit_app", "audit_owner");
    }

    @Test
    void thePasswordsAreKeptInAnOwnerOnlyFileAndADeletedLineIsRenewed() throws Exception {
        Path file = DIR.resolve("renew.properties");
        DatabaseCredentials first = DatabaseCredentials.loadOrCreate(file, List.of("ledger"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DatabaseCredentials.loadOrCreate(file, List.of("ledger")).password("ledger_app")).isEqualTo(first.password("ledger_app"));

        Files.write(file, Files.readAllLines(file).stream().filter(line -> !line.startsWith("ledger_app=")).toList());
        DatabaseCredentials renewed = DatabaseCredentials.loadOrCreate(file, List.of("ledger"));
        assertThat(renewed.password("ledger_app")).isNotEqualTo(first.password("ledger_app")).hasSize(32);
        assertThat(renewed.password("ledger_owner")).isEqualTo(first.password("ledger_owner"));
    }

    private static Connection login(String database, String role, DatabaseCredentials credentials) throws SQLException {
        return DriverManager.getConnection(admin.jdbcUrl(database), role, credentials.password(role));
    }

    private static void execute(String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(database), admin.user(), admin.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> column(String database, String sql) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", admin.user());
        props.setProperty("password", admin.password());
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(database), props);
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
