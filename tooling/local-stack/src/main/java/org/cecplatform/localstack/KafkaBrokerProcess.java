package org.cecplatform.localstack;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The same single-node broker as {@link KafkaBroker}, in a child JVM ({@link KafkaBrokerMain}) on this JVM's class
 * path, so that it can be killed with kill -9 like a real broker. Same data folder and ports on every start.
 */
final class KafkaBrokerProcess implements KafkaNode {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Path logsDir;
    private final Path pidFile;
    private final List<String> jvmOptions;
    private final Path credentialsFile;
    private Process process;

    KafkaBrokerProcess(Path dir, int port, int controllerPort, Path logsDir, Path pidFile, List<String> jvmOptions,
                       Path credentialsFile) {
        this.credentialsFile = credentialsFile;
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logsDir = logsDir;
        this.pidFile = pidFile;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public String description() {
        return "KRaft broker in a child process " + bootstrapServers() + " (controller :" + controllerPort + ")";
    }

    Path outputFile() {
        return logsDir.resolve("kafka-process.log");
    }

    @Override
    public synchronized void start() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException("Kafka is already running (pid " + process.pid() + ")");
        }
        Files.createDirectories(dir);
        Files.createDirectories(logsDir);
        Files.createDirectories(pidFile.getParent());
        Path ready = dir.resolve(KafkaBrokerMain.READY_FILE);
        Files.deleteIfExists(ready);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString()); // its own session: a Ctrl-C in the terminal does not reach it directly
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dcec.stack.logs=" + logsDir, "-cp", absoluteClassPath(), KafkaBrokerMain.class.getName(),
                dir.toString(), Integer.toString(port), Integer.toString(controllerPort), credentialsFile.toString()));
        Files.writeString(outputFile(), "=== local-stack: starting Kafka at " + Instant.now() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(outputFile().toFile()))
                .redirectInput(Redirect.from(new File("/dev/null")))
                .start();
        Files.writeString(pidFile, process.pid() + "\n");
        awaitReady(ready);
    }

    private void awaitReady(Path ready) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String pid = Long.toString(process.pid());
        while (!(Files.isRegularFile(ready) && Files.readString(ready).trim().equals(pid))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with code " + process.exitValue() + " while starting; see " + outputFile()
                        + " and " + logsDir.resolve("kafka.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka not ready after " + START_TIMEOUT.toSeconds() + " s; see " + outputFile());
            }
            sleep(100);
        }
    }

    @Override
    public synchronized void stop() throws IOException {
        if (process == null) {
            return;
        }
        process.destroy(); // SIGTERM: the child's shutdown hook stops the broker gracefully
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        forget();
    }

    @Override
    public synchronized void kill() throws IOException {
        if (process == null) {
            return;
        }
        process.destroyForcibly(); // SIGKILL
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forget();
    }

    private void forget() throws IOException {
        process = null;
        Files.deleteIfExists(pidFile);
        Files.deleteIfExists(dir.resolve(KafkaBrokerMain.READY_FILE));
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized OptionalLong pid() {
        return isRunning() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /** This JVM's class path with absolute entries (a surefire fork's is a manifest-only jar, which works as well). */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}
