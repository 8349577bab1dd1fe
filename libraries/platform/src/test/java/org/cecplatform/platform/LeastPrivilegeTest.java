package org.cecplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cecplatform.testsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The service's PostgreSQL role, on the real server set up as in production (docs/security.md): it owns nothing, may
 * read and write its own tables, may only append to the event log and stamp published_at once, and can neither
 * delete events nor switch off the append-only trigger. Each check runs in a transaction that is rolled back, so the
 * outbox relay never sees the test's rows.
 */
@QuarkusTest
class LeastPrivilegeTest {

    /** PostgreSQL's SQLSTATE for "permission denied" / "must be owner". */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** A PL/pgSQL RAISE EXCEPTION: the append-only trigger. */
    private static final String RAISED_BY_TRIGGER = "P0001";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServiceRunsAsTheRuntimeRoleAndTheMigrationsRanAsTheOwner() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(single(c, "select current_user")).isEqualTo(PostgresTestResource.RUNTIME);
        }
        try (Connection c = PostgresTestResource.superuser()) {
            assertThat(column(c, "select distinct pg_get_userbyid(relowner) from pg_class c join pg_namespace n"
                    + " on n.oid = c.relnamespace where n.nspname = 'public'"))
                    .containsExactly(PostgresTestResource.OWNER);
            assertThat(column(c, "select distinct installed_by from flyway_schema_history"))
                    .containsExactly(PostgresTestResource.OWNER);
        }
    }

    @Test
    void theServiceRolesLogInOnlyWithTheirPasswords() {
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(PostgresTestResource.jdbcUrl(),
                PostgresTestResource.RUNTIME, "not-" + PostgresTestResource.RUNTIME_PASSWORD).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"))
                .hasMessageContaining("password authentication failed for user \"" + PostgresTestResource.RUNTIME + "\"");
    }

    @Test
    void theRuntimeRoleOwnsNothing() throws SQLException {
        try (Connection c = PostgresTestResource.superuser()) {
            String owned = "select count(*) from %s where %s = (select oid from pg_roles where rolname = '"
                    + PostgresTestResource.RUNTIME + "')";
            assertThat(single(c, owned.formatted("pg_class", "relowner"))).as("tables, sequences, indexes").isEqualTo("0");
            assertThat(single(c, owned.formatted("pg_namespace", "nspowner"))).as("schemas").isEqualTo("0");
            assertThat(single(c, owned.formatted("pg_proc", "proowner"))).as("functions").isEqualTo("0");
            assertThat(single(c, owned.formatted("pg_database", "datdba"))).as("databases").isEqualTo("0");
        }
    }

    @Test
    void theRuntimeRoleCannotDeleteOrTruncateEvents() throws SQLException {
        inRolledBackTransaction(c -> {
            UUID event = appendEvent(c);
            assertRefused(c, "delete from event_log where event_id = '" + event + "'", INSUFFICIENT_PRIVILEGE,
                    "permission denied for table event_log");
        });
        inRolledBackTransaction(c -> assertRefused(c, "truncate event_log", INSUFFICIENT_PRIVILEGE,
                "permission denied for table event_log"));
    }

    @Test
    void theRuntimeRoleCannotChangeAnEventsPayload() throws SQLException {
        inRolledBackTransaction(c -> {
            UUID event = appendEvent(c);
            assertRefused(c, "update event_log set payload = '{}' where event_id = '" + event + "'",
                    INSUFFICIENT_PRIVILEGE, "permission denied for table event_log");
        });
    }

    @Test
    void theRuntimeRoleStampsPublishedAtOnceAndNotTwice() throws SQLException {
        inRolledBackTransaction(c -> {
            UUID event = appendEvent(c);
            String stamp = "update event_log set published_at = now() where event_id = '" + event + "'";
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate(stamp)).isEqualTo(1);
            }
            assertRefused(c, stamp, RAISED_BY_TRIGGER, "only published_at may be set, once");
        });
    }

    @Test
    void theRuntimeRoleCannotDisableTheAppendOnlyTriggerNorCreateObjects() throws SQLException {
        inRolledBackTransaction(c -> assertRefused(c, "alter table event_log disable trigger event_log_append_only",
                INSUFFICIENT_PRIVILEGE, "must be owner of table event_log"));
        inRolledBackTransaction(c -> assertRefused(c, "drop trigger event_log_append_only on event_log",
                INSUFFICIENT_PRIVILEGE, "must be owner of relation event_log"));
        // the other way to silence a trigger: replica mode skips ordinary triggers, and only a superuser may set it
        inRolledBackTransaction(c -> assertRefused(c, "set session_replication_role = replica",
                INSUFFICIENT_PRIVILEGE, "permission denied to set parameter \"session_replication_role\""));
        inRolledBackTransaction(c -> assertRefused(c, "create table scratch (id int)",
                INSUFFICIENT_PRIVILEGE, "permission denied for schema public"));
        inRolledBackTransaction(c -> assertRefused(c, "create schema scratch",
                INSUFFICIENT_PRIVILEGE, "permission denied for database " + PostgresTestResource.DATABASE));
        inRolledBackTransaction(c -> assertRefused(c, "delete from flyway_schema_history",
                INSUFFICIENT_PRIVILEGE, "permission denied for table flyway_schema_history"));
    }

    @Test
    void theRuntimeRoleReadsAndWritesTheServicesOwnTables() throws SQLException {
        // note: a table of a service migration, made after the platform's grants (default privileges cover it);
        // processed_event and outbox_lease: deleted by the consumers' rebuild and the relay's lease hand-over.
        inRolledBackTransaction(c -> {
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("insert into note values ('n-1', 'cert-1', 'text')")).isEqualTo(1);
                assertThat(s.executeUpdate("update note set text = 'changed' where note_id = 'n-1'")).isEqualTo(1);
                assertThat(s.executeUpdate("delete from note where note_id = 'n-1'")).isEqualTo(1);
                assertThat(s.executeUpdate("insert into processed_event (consumer, event_id) values ('c', 'e')")).isEqualTo(1);
                assertThat(s.executeUpdate("delete from processed_event where consumer = 'c'")).isEqualTo(1);
                assertThat(s.executeUpdate("insert into outbox_lease values ('l', 'me', now())")).isEqualTo(1);
                assertThat(s.executeUpdate("delete from outbox_lease where name = 'l'")).isEqualTo(1);
            }
        });
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private static void inRolledBackTransaction(Work work) throws SQLException {
        try (Connection c = PostgresTestResource.runtimeRole()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
            } finally {
                c.rollback();
            }
        }
    }

    private static UUID appendEvent(Connection c) throws SQLException {
        UUID event = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("insert into event_log (event_id, aggregate_id, sequence, event_type,"
                + " topic, partition_key, occurred_at, payload) values (?, 'cert-x', 1, 'test', 'platform.notes.v1',"
                + " 'cert-x', now(), '{\"a\":1}')")) {
            s.setObject(1, event);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        return event;
    }

    private static void assertRefused(Connection c, String sql, String sqlState, String message) throws SQLException {
        try (Statement s = c.createStatement(); Statement savepoint = c.createStatement()) {
            savepoint.execute("savepoint attempt");
            assertThatThrownBy(() -> s.execute(sql)).as(sql)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState))
                    .hasMessageContaining(message);
            savepoint.execute("rollback to savepoint attempt");
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        List<String> values = column(c, sql);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
