package org.cecplatform.localstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL 17 (zonky binaries) whose data directory lives in the data folder and survives restarts (and stop/start). */
final class EmbeddedPostgresServer {

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
                .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                .start();
    }

    int port() {
        return port;
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
