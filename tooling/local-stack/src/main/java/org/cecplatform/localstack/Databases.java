package org.cecplatform.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Creates the services' databases and roles when they are missing (on the embedded server or on one the user points
 * to), as the deployments do (docs/security.md): each database is owned by its owner role, which the migrations log
 * in as, and only its runtime role (and the owner) may connect to it. Idempotent; run on every start, it also sets
 * the passwords of the credentials file (a new one after a line was deleted) and upgrades a data folder made before
 * the roles existed, whose tables the administrator owns, by handing its objects to the owner role.
 */
final class Databases {

    /** Every table, view, sequence (not owned by a column) and function of the public schema not owned by the owner role. */
    private static final String HAND_OVER = """
            do $$
            declare
                owner_role text := '%1$s';
                item record;
            begin
                for item in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
                          and pg_get_userbyid(c.relowner) <> owner_role loop
                    execute format('alter table public.%%I owner to %%I', item.relname, owner_role);
                end loop;
                -- after the tables: their serial and identity sequences have moved with them
                for item in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind = 'S' and pg_get_userbyid(c.relowner) <> owner_role loop
                    execute format('alter sequence public.%%I owner to %%I', item.relname, owner_role);
                end loop;
                for item in select p.oid::regprocedure as routine from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> owner_role loop
                    execute format('alter routine %%s owner to %%I', item.routine, owner_role);
                end loop;
            end $$""";

    private final PostgresConnection db;
    private final DatabaseCredentials credentials;

    Databases(PostgresConnection db, DatabaseCredentials credentials) {
        this.db = db;
        this.credentials = credentials;
    }

    void ensure(List<String> names) throws SQLException {
        try (Connection admin = connect("postgres")) {
            for (String name : names) {
                // Names are our own constants and passwords our own letters and digits, so plain concatenation is
                // safe; CREATE ROLE and CREATE DATABASE take no parameters.
                String owner = DatabaseCredentials.ownerRole(name);
                String runtime = DatabaseCredentials.runtimeRole(name);
                ensureRole(admin, owner);
                ensureRole(admin, runtime);
                try (Statement ddl = admin.createStatement()) {
                    if (exists(admin, "select 1 from pg_database where datname = ?", name)) {
                        ddl.execute("ALTER DATABASE \"" + name + "\" OWNER TO " + owner);
                    } else {
                        ddl.execute("CREATE DATABASE \"" + name + "\" OWNER " + owner);
                    }
                    ddl.execute("REVOKE ALL ON DATABASE \"" + name + "\" FROM PUBLIC");
                    ddl.execute("GRANT CONNECT ON DATABASE \"" + name + "\" TO " + runtime);
                }
                handOverToOwner(name, owner);
            }
        }
    }

    /** A login role with the file's password: created, or given that password again (it may have been renewed). */
    private void ensureRole(Connection admin, String role) throws SQLException {
        String verb = exists(admin, "select 1 from pg_roles where rolname = ?", role) ? "ALTER" : "CREATE";
        try (Statement ddl = admin.createStatement()) {
            ddl.execute(verb + " ROLE " + role + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                    + credentials.password(role) + "'");
        }
    }

    private void handOverToOwner(String database, String owner) throws SQLException {
        try (Connection connection = connect(database); Statement ddl = connection.createStatement()) {
            ddl.execute(HAND_OVER.formatted(owner));
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        return DriverManager.getConnection(db.jdbcUrl(database), props);
    }
}
