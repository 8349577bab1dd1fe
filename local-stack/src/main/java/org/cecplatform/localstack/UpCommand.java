package org.cecplatform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts PostgreSQL, Kafka, the topics, the JWT keys and the three services, then runs until Ctrl-C / SIGTERM. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Starts the local stack and keeps it running until Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    /** A service of the platform: its module, database and HTTP port. */
    record ServiceSpec(String name, String database, String portVariable, int defaultPort) {
    }

    static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("ledger-service", "ledger", "LEDGER_PORT", 8081),
            new ServiceSpec("renewal-service", "renewal", "RENEWAL_PORT", 8082),
            new ServiceSpec("audit-service", "audit", "AUDIT_PORT", 8083));

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--infra-only", description = "Start only PostgreSQL, Kafka, the topics and the JWT keys (for running services by hand).")
    boolean infraOnly;

    @Option(names = "--ready-timeout", defaultValue = "240", description = "Seconds to wait for the services to be ready (default: ${DEFAULT-VALUE}).")
    int readyTimeoutSeconds;

    private final ShutdownSequence shutdown = new ShutdownSequence();
    private final Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws Exception {
        long begin = System.nanoTime();
        StackPaths paths = dataDir.paths();
        Files.createDirectories(paths.data());
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::stopAll, "local-stack-shutdown"));
        try {
            LauncherLock lock = LauncherLock.acquire(paths.lockFile());
            shutdown.start("launcher lock", () -> { }, lock::close); // released last
            if (!infraOnly) {
                requireServiceJars(paths);
            }
            StaleProcesses.stopRecordedServices(paths.pids());

            Databases.DbConnection db = startPostgres(paths);
            String bootstrap = startKafka(paths);
            timed("Topics", () -> {
                int created = new TopicCreator(bootstrap).ensureTopics();
                return created + " created, " + (TopicCreator.topics().size() - created) + " already there";
            });
            JwtKeys keys = new JwtKeys(paths.jwt());
            timed("JWT keys", () -> {
                keys.ensure();
                return keys.publicKeyFile().toString();
            });

            if (infraOnly) {
                printInfraSummary(paths, db, bootstrap, keys, begin);
            } else {
                List<ServiceProcess> services = startServices(paths, db, bootstrap, keys);
                Optional<ServiceProcess> failed = new ReadinessWaiter(Duration.ofSeconds(readyTimeoutSeconds), Duration.ofMillis(500))
                        .awaitReady(services);
                if (failed.isPresent()) {
                    ServiceProcess service = failed.get();
                    System.out.println("---- last 30 lines of " + service.logFile() + " ----");
                    service.logTail(30).forEach(System.out::println);
                    System.out.println("----");
                    return 1; // main() exits; the shutdown hook stops everything
                }
                watchForCrashes(services);
                printSummary(paths, db, bootstrap, services, begin);
            }
            new CountDownLatch(1).await(); // runs until Ctrl-C / SIGTERM; the shutdown hook does the rest
            return 0;
        } catch (Exception e) {
            if (!shutdown.isStopping()) {
                System.out.println("Local stack failed to start: " + e.getMessage());
                if (!(e instanceof IllegalStateException || e instanceof IllegalArgumentException)) {
                    e.printStackTrace(System.out);
                }
            }
            return 1;
        }
    }

    private Databases.DbConnection startPostgres(StackPaths paths) throws Exception {
        String externalHost = env.get("DB_HOST");
        if (externalHost != null && !externalHost.isBlank()) {
            Databases.DbConnection db = new Databases.DbConnection(externalHost, Ports.fromEnv("DB_PORT", 5432),
                    env.getOrDefault("DB_USER", "postgres"), env.getOrDefault("DB_PASSWORD", "postgres"));
            timed("PostgreSQL", () -> {
                new Databases(db).ensure(databaseNames());
                return "existing server " + db.host() + ":" + db.port();
            });
            return db;
        }
        int port = Ports.fromEnv("DB_PORT", 15432);
        StaleProcesses.stopStalePostmaster(paths.postgresData());
        Ports.requireFree(port, "PostgreSQL; set DB_PORT to use another one");
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(paths.postgresData(), paths.postgresWork(),
                paths.logs().resolve("postgres.log"), port);
        // Zonky's initdb uses trust authentication for user postgres: any password works.
        Databases.DbConnection db = new Databases.DbConnection("127.0.0.1", port, "postgres", "postgres");
        timed("PostgreSQL", () -> {
            shutdown.start("PostgreSQL", postgres::start, () -> {
                System.out.println("Stopping PostgreSQL");
                postgres.stop();
            });
            new Databases(db).ensure(databaseNames());
            return "embedded, 127.0.0.1:" + port + ", data in " + paths.postgresData();
        });
        return db;
    }

    private String startKafka(StackPaths paths) throws Exception {
        String external = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            System.out.printf("%-12s existing cluster %s%n", "Kafka", external);
            return external;
        }
        int port = Ports.fromEnv("KAFKA_PORT", 9092);
        Ports.requireFree(port, "Kafka; set KAFKA_PORT to use another one");
        int controllerPort = Ports.fromEnv("KAFKA_CONTROLLER_PORT", Ports.freePort());
        KafkaBroker broker = new KafkaBroker(paths.kafka(), port, controllerPort);
        timed("Kafka", () -> {
            shutdown.start("Kafka", broker::start, () -> {
                System.out.println("Stopping Kafka");
                broker.stop();
            });
            return "in-process KRaft broker " + broker.bootstrapServers() + " (controller :" + controllerPort + "), log "
                    + paths.logs().resolve("kafka.log");
        });
        return broker.bootstrapServers();
    }

    private List<ServiceProcess> startServices(StackPaths paths, Databases.DbConnection db, String bootstrap, JwtKeys keys) throws Exception {
        List<ServiceProcess> services = new ArrayList<>();
        for (ServiceSpec spec : SERVICES) {
            int port = Ports.fromEnv(spec.portVariable(), spec.defaultPort());
            Ports.requireFree(port, spec.name() + "; set " + spec.portVariable() + " to use another one");
            services.add(new ServiceProcess(spec.name(), paths.serviceJar(spec.name()), port,
                    serviceEnvironment(spec, port, db, bootstrap, keys), paths.data(),
                    paths.logs().resolve(spec.name() + ".log"), paths.pids().resolve(spec.name() + ".pid")));
        }
        shutdown.start("services", () -> {
            for (ServiceProcess service : services) {
                service.start();
            }
        }, () -> stopServices(services));
        System.out.printf("%-12s starting %s (logs in %s)%n", "Services",
                String.join(", ", SERVICES.stream().map(ServiceSpec::name).toList()), paths.logs());
        return services;
    }

    /** The services' configuration contract: they read exactly these variables. */
    private static Map<String, String> serviceEnvironment(ServiceSpec spec, int port, Databases.DbConnection db, String bootstrap, JwtKeys keys) {
        Map<String, String> vars = new HashMap<>();
        vars.put("HTTP_PORT", Integer.toString(port));
        vars.put("HTTP_HOST", "127.0.0.1");
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        vars.put("DB_HOST", db.host());
        vars.put("DB_PORT", Integer.toString(db.port()));
        vars.put("DB_USER", db.user());
        vars.put("DB_PASSWORD", db.password());
        vars.put("DB_NAME", spec.database());
        vars.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKeyFile().toAbsolutePath().toString());
        vars.put("JWT_ISSUER", TokenCommand.ISSUER);
        vars.put("CEC_CLOCK_SETTABLE", "true");
        return vars;
    }

    /** SIGTERM to all at once (they shut down in parallel), then up to 20 s before killing. */
    private static void stopServices(List<ServiceProcess> services) throws Exception {
        System.out.println("Stopping services");
        services.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + SERVICE_STOP_GRACE.toNanos();
        for (ServiceProcess service : services) {
            service.awaitStop(deadline);
        }
    }

    private void watchForCrashes(List<ServiceProcess> services) {
        for (ServiceProcess service : services) {
            service.process().onExit().thenAccept(p -> {
                if (!shutdown.isStopping()) {
                    System.out.printf("%s exited unexpectedly (code %d); see %s%n", service.name(), p.exitValue(), service.logFile());
                }
            });
        }
    }

    private static void requireServiceJars(StackPaths paths) {
        List<String> missing = SERVICES.stream().map(s -> paths.serviceJar(s.name()))
                .filter(jar -> !Files.isRegularFile(jar)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Service jars missing (build with ./mvnw -DskipTests package, or use --infra-only): "
                    + String.join(", ", missing));
        }
    }

    private static List<String> databaseNames() {
        return SERVICES.stream().map(ServiceSpec::database).toList();
    }

    private interface Step {
        String run() throws Exception;
    }

    private static void timed(String what, Step step) throws Exception {
        long start = System.nanoTime();
        String detail = step.run();
        System.out.printf("%-12s %s (%.1f s)%n", what, detail, (System.nanoTime() - start) / 1e9);
    }

    private static void printSummary(StackPaths paths, Databases.DbConnection db, String bootstrap, List<ServiceProcess> services, long begin) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nCEC platform local stack is up (%.1f s). Ctrl-C stops everything.%n%n", (System.nanoTime() - begin) / 1e9));
        for (ServiceProcess s : services) {
            out.append(String.format("  %-18s %-24s OpenAPI %s/q/openapi%n", s.name(), s.baseUrl(), s.baseUrl()));
        }
        appendInfra(out, paths, db, bootstrap);
        System.out.print(out);
    }

    private static void printInfraSummary(StackPaths paths, Databases.DbConnection db, String bootstrap, JwtKeys keys, long begin) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nInfrastructure is up (%.1f s), services not started (--infra-only). Ctrl-C stops it.%n%n", (System.nanoTime() - begin) / 1e9));
        appendInfra(out, paths, db, bootstrap);
        out.append(String.format("%n  To run a service by hand against it, export:%n"
                        + "    KAFKA_BOOTSTRAP_SERVERS=%s DB_HOST=%s DB_PORT=%d DB_USER=%s DB_PASSWORD=%s%n"
                        + "    JWT_PUBLIC_KEY_LOCATION=%s JWT_ISSUER=%s CEC_CLOCK_SETTABLE=true%n"
                        + "    DB_NAME=ledger|renewal|audit HTTP_HOST=127.0.0.1 HTTP_PORT=8081|8082|8083%n",
                bootstrap, db.host(), db.port(), db.user(), db.password(), keys.publicKeyFile(), TokenCommand.ISSUER));
        System.out.print(out);
    }

    private static void appendInfra(StringBuilder out, StackPaths paths, Databases.DbConnection db, String bootstrap) {
        out.append(String.format("  %-18s %s%n", "Kafka bootstrap", bootstrap));
        out.append(String.format("  %-18s %s (databases %s; user %s)%n", "PostgreSQL", db.jdbcUrl("<db>"),
                String.join(", ", databaseNames()), db.user()));
        out.append(String.format("  %-18s %s%n", "Data folder", paths.data()));
        out.append(String.format("  %-18s %s%n", "Logs", paths.logs()));
        out.append(String.format("  %-18s deploy/token.sh staff alice   (roles: %s)%n", "Token", String.join(", ", TokenCommand.ROLES)));
    }
}
