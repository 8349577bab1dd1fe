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
import java.util.function.Consumer;

/**
 * Cleans up after a launcher (or test JVM) that was killed with kill -9: its shutdown hook never ran, so the services
 * and a child-process broker (recorded in pids/*.pid) and the PostgreSQL server (postmaster.pid) may still be running.
 */
final class StaleProcesses {

    private static final Duration GRACE = Duration.ofSeconds(20);
    /** What our recorded processes look like on their command line (the PID may have been reused since). */
    private static final List<String> OURS = List.of("quarkus-run.jar", KafkaBrokerMain.class.getName());

    private final Consumer<String> console;

    StaleProcesses(Consumer<String> console) {
        this.console = console;
    }

    void stopRecordedProcesses(Path pidDir) throws IOException {
        if (!Files.isDirectory(pidDir)) {
            return;
        }
        List<ProcessHandle> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pidDir, "*.pid")) {
            for (Path file : files) {
                readPid(file).flatMap(ProcessHandle::of)
                        .filter(p -> OURS.stream().anyMatch(commandLine(p)::contains))
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

    void stopStalePostmaster(Path pgData) throws IOException {
        readPid(pgData.resolve("postmaster.pid")).flatMap(ProcessHandle::of)
                .filter(p -> commandLine(p).contains("postgres"))
                .ifPresent(p -> {
                    announce(p, "stale PostgreSQL");
                    p.destroy(); // SIGTERM: graceful for PostgreSQL
                    awaitOrKill(p);
                });
    }

    private void announce(ProcessHandle process, String what) {
        console.accept(String.format("Stopping %s (pid %d) left over from a launcher that did not shut down cleanly", what, process.pid()));
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
