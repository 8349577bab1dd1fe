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
import java.util.function.Consumer;

/**
 * One Quarkus service as a child process: its command line, environment, log file and PID file. It can be started
 * again after it stopped or was killed (same port, same environment).
 */
final class ServiceProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final PlatformService service; // null for the staff console, which is no platform service
    private final String name;
    private final Path jar;
    private final ServicePorts ports;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final Path pidFile;
    private final Consumer<String> console;
    private volatile Process process;
    /** The process we asked to stop or killed: its exit is expected, any other exit is announced. */
    private volatile Process stopRequested;

    ServiceProcess(PlatformService service, Path jar, ServicePorts ports, List<String> jvmOptions, Map<String, String> environment,
                   Path workDir, Path logFile, Path pidFile, Consumer<String> console) {
        this(service, service.moduleName(), jar, ports, jvmOptions, environment, workDir, logFile, pidFile, console);
    }

    /** A Quarkus app of the stack that is not one of the platform's services (the staff console). */
    ServiceProcess(String name, Path jar, ServicePorts ports, List<String> jvmOptions, Map<String, String> environment,
                   Path workDir, Path logFile, Path pidFile, Consumer<String> console) {
        this(null, name, jar, ports, jvmOptions, environment, workDir, logFile, pidFile, console);
    }

    private ServiceProcess(PlatformService service, String name, Path jar, ServicePorts ports, List<String> jvmOptions,
                           Map<String, String> environment, Path workDir, Path logFile, Path pidFile, Consumer<String> console) {
        this.service = service;
        this.name = name;
        this.jar = jar;
        this.ports = ports;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.console = console;
    }

    PlatformService service() { return service; }
    String name() { return name; }
    int port() { return ports.http(); }
    int managementPort() { return ports.management(); }
    Path jar() { return jar; }
    Path logFile() { return logFile; }
    Map<String, String> environment() { return environment; }
    String baseUrl() { return "http://127.0.0.1:" + ports.http(); }
    /** Health and metrics are served here, not on the API port. */
    String managementUrl() { return "http://127.0.0.1:" + ports.management(); }

    synchronized void start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name() + " is already running (pid " + process.pid() + ")");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name() + " is not built: " + jar + " is missing (./mvnw -B -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        // Its own session, so a Ctrl-C in the terminal reaches only the launcher, which then stops the
        // services before Kafka and PostgreSQL (otherwise all would get SIGINT at once). setsid execs java in
        // place (a child of a JVM is no process group leader), so the PID is the java process's.
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        // The launcher's own JDK, so the services run on the same Java whatever PATH says.
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(logFile.getParent());
        Files.createDirectories(pidFile.getParent());
        Files.writeString(logFile, "=== local-stack: starting " + name() + " at " + Instant.now() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                .redirectInput(Redirect.from(new File("/dev/null")));
        // Not configuration but the process's own setting, like the JVM options: glibc would otherwise keep a malloc
        // arena per core and thread burst, each holding freed memory resident.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        Process started = builder.start();
        process = started;
        started.onExit().thenAccept(p -> {
            if (stopRequested != p) {
                console.accept(String.format("%s exited unexpectedly (code %d); see %s", name(), p.exitValue(), logFile));
            }
        });
        // Lets the next launcher stop us if this one dies by kill -9 (shutdown hooks do not run then).
        Files.writeString(pidFile, process.pid() + "\n");
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The current (or last) process; null before the first start. */
    Process process() {
        return process;
    }

    /** Sends SIGTERM; Quarkus then shuts down gracefully. */
    void requestStop() {
        Process p = process;
        if (p != null) {
            stopRequested = p;
            p.destroy();
        }
    }

    /** Waits for the exit until the deadline, then kills. */
    void awaitStop(long deadlineNanos) throws IOException {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            long remaining = deadlineNanos - System.nanoTime();
            if (!p.waitFor(Math.max(remaining, 0), TimeUnit.NANOSECONDS)) {
                console.accept(name() + " did not stop in time; killing it");
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(pidFile);
    }

    /** SIGKILL to the java process (kill -9): no shutdown hooks, no graceful stop. Waits until it is gone. */
    void kill() throws IOException {
        Process p = process;
        if (p == null) {
            return;
        }
        stopRequested = p;
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
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
