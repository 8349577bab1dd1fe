package org.cecplatform.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Cleans up after a launcher that was killed with kill -9: its shutdown hook never ran, so the services
 * (recorded in pids/*.pid) and the PostgreSQL server (postmaster.pid) may still be running.
 */
final class StaleProcesses {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private StaleProcesses() {
    }

    static void stopRecordedServices(Path pidDir) throws IOException {
        if (!Files.isDirectory(pidDir)) {
            return;
        }
        List<ProcessHandle> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pidDir, "*.pid")) {
            for (Path file : files) {
                // Only kill what still looks like one of our services: the PID may have been reused since.
                readPid(file).flatMap(ProcessHandle::of)
                        .filter(p -> commandLine(p).contains("quarkus-run.jar"))
                        .ifPresent(p -> {
                            announce(p, "stale " + file.getFileName().toString().replace(".pid", ""));
                            p.destroy(); // all at once: they shut down in parallel
                            stale.add(p);
                        });
                Files.deleteIfExists(file);
            }
        }
        stale.forEach(StaleProcesses::awaitOrKill);
    }

    static void stopStalePostmaster(Path pgData) throws IOException {
        readPid(pgData.resolve("postmaster.pid")).flatMap(ProcessHandle::of)
                .filter(p -> commandLine(p).contains("postgres"))
                .ifPresent(p -> stop(p, "stale PostgreSQL"));
    }

    private static void stop(ProcessHandle process, String what) {
        announce(process, what);
        process.destroy(); // SIGTERM: graceful for Quarkus and PostgreSQL
        awaitOrKill(process);
    }

    private static void announce(ProcessHandle process, String what) {
        System.out.printf("Stopping %s (pid %d) left over from a launcher that did not shut down cleanly%n", what, process.pid());
    }

    private static void awaitOrKill(ProcessHandle process) {
        try {
            process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static Optional<Long> readPid(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
