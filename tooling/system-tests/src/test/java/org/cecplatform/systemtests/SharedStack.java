package org.cecplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.cecplatform.localstack.ServiceNotReadyException;

/**
 * The one stack of this test JVM: started by the first system test that needs it, stopped when the test run ends
 * (or, failing that, by a shutdown hook). A failed start is remembered, so later test classes fail at once with the
 * same reason instead of trying again.
 */
final class SharedStack {

    private static final Consumer<String> CONSOLE = line -> System.out.println("[stack] " + line);

    private static LocalStackCluster cluster;
    private static KafkaClients kafka;
    private static RuntimeException startFailure;
    private static double startSeconds;

    private SharedStack() {
    }

    static synchronized LocalStackCluster cluster() {
        if (startFailure != null) {
            throw new IllegalStateException("The system under test failed to start earlier: " + startFailure.getMessage(), startFailure);
        }
        if (cluster == null) {
            try {
                cluster = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return cluster;
    }

    static synchronized KafkaClients kafka() {
        if (kafka == null) {
            kafka = new KafkaClients(cluster().kafkaLogins());
        }
        return kafka;
    }

    static synchronized double startSeconds() {
        return startSeconds;
    }

    /** Stops the stack; idempotent (the end of the test run and the shutdown hook may both call it). */
    static synchronized void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static LocalStackCluster start() {
        Path target = target();
        stopLeftoversOfEarlierRuns(target);
        LocalStackCluster stack = LocalStackCluster.builder()
                .dataDir(target.resolve("stack-" + UUID.randomUUID().toString().substring(0, 8)))
                .repoRoot(RepoRoot.path())
                .freePorts()
                .kafkaInChildProcess() // so that a test can kill -9 the broker
                .staffConsole() // the browser tests use it; started after the services
                .env("CEC_CLOCK_SETTABLE", "true")
                .env("CEC_JOBS_ENABLED", "false") // tests run jobs on demand (POST /api/v1/admin/jobs/{name})
                // every CPT renewal is audited, so the stories that need an audit get one (other levels keep 10 %)
                .env(PlatformService.AUDIT, "CEC_AUDIT_SAMPLING_RATE_CPT", "1.0")
                .console(CONSOLE)
                .build();
        List<Path> missing = stack.missingServiceJars();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("System tests run the packaged services, and these are not built: " + missing
                    + ". Build the services first: ./mvnw -B -pl tooling/system-tests -am verify (builds them and runs these tests), "
                    + "or ./mvnw -B -DskipTests package and then run the system tests again.");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stop, "system-under-test-shutdown"));
        long begin = System.nanoTime();
        try {
            stack.start();
        } catch (ServiceNotReadyException e) {
            stack.close();
            throw new IllegalStateException(e.describe(), e);
        } catch (Exception e) {
            stack.close();
            throw new IllegalStateException("The system under test failed to start: " + e.getMessage() + " (logs in " + stack.logsDir() + ")", e);
        }
        startSeconds = (System.nanoTime() - begin) / 1e9;
        StringBuilder summary = new StringBuilder(String.format("System under test up in %.1f s (data %s)%n", startSeconds, stack.dataDir()));
        for (PlatformService s : stack.services()) {
            summary.append(String.format("  %-16s %s  pid %d%n", s, stack.baseUrl(s), stack.pid(s)));
        }
        stack.staffConsoleUrl().ifPresent(url -> summary.append(String.format("  %-16s %s%n", "staff-console", url)));
        summary.append(String.format("  %-16s %s  pid %s%n", "kafka", stack.bootstrapServers(), stack.kafkaPid().orElse(-1)));
        summary.append(String.format("  %-16s %s", "postgres", stack.jdbcUrl("<db>")));
        CONSOLE.accept(summary.toString());
        return stack;
    }

    /** system-tests/target (from the build; in an IDE, relative to the checkout). */
    private static Path target() {
        String configured = System.getProperty("cec.system-tests.target");
        return configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath().normalize()
                : RepoRoot.path().resolve("tooling/system-tests/target");
    }

    /**
     * A test JVM killed with kill -9 leaves its services and PostgreSQL running: stop them now. Then drop the data of
     * earlier runs (about 140 MB each) and keep their logs.
     */
    private static void stopLeftoversOfEarlierRuns(Path target) {
        if (!Files.isDirectory(target)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(target, "stack-*")) {
            for (Path dir : dirs) {
                if (LocalStackCluster.stopLeftovers(dir, CONSOLE)) {
                    deleteTree(dir.resolve("postgres"));
                    deleteTree(dir.resolve("kafka"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
