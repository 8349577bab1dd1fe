package org.cecplatform.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The stack's PostgreSQL: the embedded server in the data folder, or a server the user points to (then only the databases
 * and their roles are ours). Its connection is the administrator's; the services log in as their own roles.
 */
final class PostgresNode {

    private final PostgresConnection connection;
    private final EmbeddedPostgresServer embedded; // null for an external server
    private final Path dataDir;
    private final StaleProcesses staleProcesses;
    private final String portLabel;

    private PostgresNode(PostgresConnection connection, EmbeddedPostgresServer embedded, Path dataDir, StaleProcesses staleProcesses,
                         String portLabel) {
        this.connection = connection;
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.staleProcesses = staleProcesses;
        this.portLabel = portLabel;
    }

    /** Zonky's initdb uses trust authentication for user postgres: any password works. */
    static PostgresNode embedded(StackPaths paths, int port, StaleProcesses staleProcesses, String portLabel) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(paths.postgresData(), paths.postgresWork(),
                paths.logs().resolve("postgres.log"), port);
        return new PostgresNode(new PostgresConnection("127.0.0.1", port, "postgres", "postgres"), server, paths.postgresData(), staleProcesses, portLabel);
    }

    static PostgresNode external(PostgresConnection connection) {
        return new PostgresNode(connection, null, null, null, null);
    }

    PostgresConnection connection() {
        return connection;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    boolean isRunning() {
        return embedded == null || embedded.isRunning();
    }

    /** Starts the embedded server (stopping one a crashed launcher left on this folder), then creates missing databases and roles. */
    void start(List<String> databases, DatabaseCredentials credentials) throws IOException, SQLException {
        if (embedded != null) {
            staleProcesses.stopStalePostmaster(dataDir);
            Ports.requireFree(connection.port(), portLabel);
            embedded.start();
        }
        new Databases(connection, credentials).ensure(databases);
        if (embedded != null) {
            embedded.requirePasswords(credentials.roles());
        }
    }

    void stop() throws IOException {
        if (embedded == null) {
            throw new UnsupportedOperationException("PostgreSQL is an external server (" + connection.host() + ":" + connection.port() + "); the stack does not stop it");
        }
        embedded.stop();
    }

    String description() {
        return embedded != null
                ? "embedded, 127.0.0.1:" + connection.port() + ", data in " + dataDir
                : "existing server " + connection.host() + ":" + connection.port();
    }
}
