package org.cecplatform.localstack;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Quarkus service as a child process: its command line, environment, log file and PID file. */
final class ServiceProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final Path pidFile;
    private volatile Process process;

    ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path workDir, Path logFile, Path pidFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    String name() { return name; }
    int port() { return port; }
    Path logFile() { return logFile; }
    String baseUrl() { return "http://127.0.0.1:" + port; }

    void start() throws IOException {
        List<String> command = new ArrayList<>();
        // Its own session, so a Ctrl-C in the terminal reaches only the launcher, which then stops the
        // services before Kafka and PostgreSQL (otherwise all would get SIGINT at once).
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        // The launcher's own JDK, so the services run on the same Java whatever PATH says.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command.addAll(List.of(java, "-Xmx192m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        Files.createDirectories(logFile.getParent());
        Files.createDirectories(pidFile.getParent());
        Files.writeString(logFile, "=== local-stack: starting " + name + " at " + Instant.now() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                .redirectInput(Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        process = builder.start();
        // Lets the next launcher stop us if this one dies by kill -9 (shutdown hooks do not run then).
        Files.writeString(pidFile, process.pid() + "\n");
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Process process() {
        return process;
    }

    /** Sends SIGTERM; Quarkus then shuts down gracefully. */
    void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Waits for the exit until the deadline, then kills. */
    void awaitStop(long deadlineNanos) throws IOException {
        if (process == null) {
            return;
        }
        try {
            long remaining = deadlineNanos - System.nanoTime();
            if (!process.waitFor(Math.max(remaining, 0), TimeUnit.NANOSECONDS)) {
                System.out.println(name + " did not stop in time; killing it");
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(pidFile);
    }

    List<String> logTail(int lines) {
        try {
            // Decoded leniently: a log may hold bytes that are not valid UTF-8.
            List<String> all = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(could not read " + logFile + ": " + e + ")");
        }
    }
}
