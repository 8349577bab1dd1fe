package org.cecplatform.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Starts PostgreSQL, Kafka, the topics, the token keys and their JWKS, the SMTP server, and the four services, then runs until Ctrl-C /
 * SIGTERM.
 * The work is {@link LocalStackCluster}'s; this command reads the launcher's variables, prints progress and waits.
 */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Starts the local stack and keeps it running until Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--infra-only", description = "Start only PostgreSQL, Kafka, the topics and the JWKS (for running services by hand).")
    boolean infraOnly;

    @Option(names = "--ready-timeout", defaultValue = "240", description = "Seconds to wait for the services to be ready (default: ${DEFAULT-VALUE}).")
    int readyTimeoutSeconds;

    private final Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws Exception {
        long begin = System.nanoTime();
        StackPaths paths = dataDir.paths();
        LocalStackCluster stack;
        try {
            stack = configure(paths).build();
        } catch (IllegalArgumentException e) {
            System.out.println("Local stack failed to start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        try {
            stack.lockDataDir();
            List<Path> missing = stack.missingServiceJars();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Service jars missing (build with ./mvnw -DskipTests package, or use --infra-only): "
                        + String.join(", ", missing.stream().map(Path::toString).toList()));
            }
            timed("PostgreSQL", () -> {
                stack.startPostgres();
                return stack.postgresDescription();
            });
            if (isSet("KAFKA_BOOTSTRAP_SERVERS")) {
                System.out.printf("%-12s %s%n", "Kafka", stack.kafkaDescription());
            } else {
                timed("Kafka", () -> {
                    stack.startKafka();
                    return stack.kafkaDescription() + ", log " + paths.logs().resolve("kafka.log");
                });
            }
            timed("Topics", () -> {
                int created = stack.createTopics();
                return created + " created, " + (TopicCreator.topics().size() - created) + " already there";
            });
            timed("JWKS", () -> {
                stack.startJwks();
                return stack.jwksUrl() + " (keys in " + stack.jwksFile().getParent() + ")";
            });
            timed("SMTP", () -> {
                stack.startMail();
                return "127.0.0.1:" + stack.smtpPort() + ", what was sent: " + stack.mailboxUrl();
            });

            if (infraOnly) {
                printInfraSummary(stack, begin);
            } else {
                stack.startServices();
                System.out.printf("%-12s starting %s (logs in %s)%n", "Services",
                        String.join(", ", stack.services().stream().map(PlatformService::moduleName).toList()), stack.logsDir());
                try {
                    stack.awaitReady(Duration.ofSeconds(readyTimeoutSeconds));
                } catch (ServiceNotReadyException e) {
                    System.out.println(e.getMessage());
                    System.out.println("---- last " + ReadinessWaiter.LOG_TAIL_LINES + " lines of " + e.logFile() + " ----");
                    e.logTail().forEach(System.out::println);
                    System.out.println("----");
                    return 1; // main() exits; the shutdown hook stops everything
                }
                stack.startStaffConsole();
                try {
                    stack.awaitStaffConsoleReady(Duration.ofSeconds(readyTimeoutSeconds));
                } catch (ServiceNotReadyException e) {
                    System.out.println(e.getMessage());
                    System.out.println("---- last " + ReadinessWaiter.LOG_TAIL_LINES + " lines of " + e.logFile() + " ----");
                    e.logTail().forEach(System.out::println);
                    System.out.println("----");
                    return 1;
                }
                printSummary(stack, begin);
            }
            new CountDownLatch(1).await(); // runs until Ctrl-C / SIGTERM; the shutdown hook does the rest
            return 0;
        } catch (Exception e) {
            if (!stack.isClosing()) {
                System.out.println("Local stack failed to start: " + e.getMessage());
                if (!(e instanceof IllegalStateException || e instanceof IllegalArgumentException)) {
                    e.printStackTrace(System.out);
                }
            }
            return 1;
        }
    }

    /** The launcher's variables (deploy/README.md) as stack settings. */
    private LocalStackBuilder configure(StackPaths paths) {
        LocalStackBuilder builder = LocalStackCluster.builder()
                .dataDir(paths.data())
                .repoRoot(paths.repoRoot())
                .console(System.out::println)
                .portLabels(UpCommand::portLabel)
                .services(infraOnly ? EnumSet.noneOf(PlatformService.class) : EnumSet.allOf(PlatformService.class));
        if (isSet("DB_HOST")) {
            builder.externalPostgres(new PostgresConnection(env.get("DB_HOST"), Ports.fromEnv("DB_PORT", 5432),
                    env.getOrDefault("DB_USER", "postgres"), env.getOrDefault("DB_PASSWORD", "postgres")));
        } else {
            builder.postgresPort(Ports.fromEnv("DB_PORT", 15432));
        }
        if (isSet("KAFKA_BOOTSTRAP_SERVERS")) {
            builder.externalKafka(env.get("KAFKA_BOOTSTRAP_SERVERS"));
        } else {
            builder.kafkaPort(Ports.fromEnv("KAFKA_PORT", 9092));
            if (isSet("KAFKA_CONTROLLER_PORT")) {
                builder.kafkaControllerPort(Ports.fromEnv("KAFKA_CONTROLLER_PORT", 0));
            }
        }
        for (PlatformService service : PlatformService.values()) {
            builder.servicePort(service, Ports.fromEnv(service.portVariable(), service.defaultPort()));
            builder.managementPort(service, Ports.fromEnv(service.managementPortVariable(), service.defaultManagementPort()));
        }
        builder.jwksPort(Ports.fromEnv("JWKS_PORT", 8090));
        builder.smtpPort(Ports.fromEnv("MAIL_SMTP_PORT", 2525));
        builder.mailboxPort(Ports.fromEnv("MAILBOX_PORT", 8025));
        if (!infraOnly) {
            builder.staffConsole().staffConsolePorts(Ports.fromEnv("STAFF_CONSOLE_PORT", StaffConsole.DEFAULT_PORT),
                    Ports.fromEnv("STAFF_CONSOLE_MANAGEMENT_PORT", StaffConsole.DEFAULT_MANAGEMENT_PORT));
        }
        return builder;
    }

    /** "Kafka; set KAFKA_PORT to use another one": what a taken port's message says. */
    private static String portLabel(String component) {
        String variable = switch (component) {
            case "PostgreSQL" -> "DB_PORT";
            case "Kafka" -> "KAFKA_PORT";
            case "JWKS" -> "JWKS_PORT";
            case "SMTP" -> "MAIL_SMTP_PORT";
            case StaffConsole.NAME -> "STAFF_CONSOLE_PORT";
            case StaffConsole.NAME + " management" -> "STAFF_CONSOLE_MANAGEMENT_PORT";
            default -> component.endsWith(" management")
                    ? PlatformService.named(component.substring(0, component.length() - " management".length())).managementPortVariable()
                    : PlatformService.named(component).portVariable();
        };
        return component + "; set " + variable + " to use another one";
    }

    private boolean isSet(String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    private interface Step {
        String run() throws Exception;
    }

    private static void timed(String what, Step step) throws Exception {
        long start = System.nanoTime();
        String detail = step.run();
        System.out.printf("%-12s %s (%.1f s)%n", what, detail, (System.nanoTime() - start) / 1e9);
    }

    private static void printSummary(LocalStackCluster stack, long begin) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nCEC platform local stack is up (%.1f s). Ctrl-C stops everything.%n%n", (System.nanoTime() - begin) / 1e9));
        for (PlatformService s : stack.services()) {
            String url = stack.baseUrl(s);
            out.append(String.format("  %-18s %-24s OpenAPI %s/q/openapi, health and metrics %s/q/health, /q/metrics%n",
                    s.moduleName(), url, url, stack.managementUrl(s)));
        }
        stack.staffConsoleUrl().ifPresent(url -> out.append(String.format(
                "  %-18s %-24s sign in as a local user (staff, auditor or certificant) on the stack's development provider%n",
                StaffConsole.NAME, url)));
        appendInfra(out, stack);
        System.out.print(out);
    }

    private static void printInfraSummary(LocalStackCluster stack, long begin) {
        PostgresConnection db = stack.postgres();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nInfrastructure is up (%.1f s), services not started (--infra-only). Ctrl-C stops it.%n%n", (System.nanoTime() - begin) / 1e9));
        appendInfra(out, stack);
        out.append(String.format("%n  To run a service by hand against it, export:%n"
                        + "    KAFKA_BOOTSTRAP_SERVERS=%s DB_HOST=%s DB_PORT=%d%n"
                        + "    DB_USER=<db>_app DB_MIGRATION_USER=<db>_owner DB_PASSWORD, DB_MIGRATION_PASSWORD=<their lines in %s>%n"
                        + "    JWT_JWKS_LOCATION=%s JWT_ISSUER=%s JWT_AUDIENCE=%s JWT_MAX_AGE_SECONDS=%d%n"
                        + "    CEC_CLOCK_SETTABLE=true%n"
                        + "    DB_NAME=ledger|renewal|audit|notification HTTP_HOST=127.0.0.1 HTTP_PORT=8081|8082|8083|8085%n"
                        + "    MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=9081|9082|9083|9085%n"
                        + "    KAFKA_SASL_MECHANISM=%s KAFKA_USERNAME=<service, e.g. ledger-service>%n"
                        + "    KAFKA_PASSWORD=<that service's line in %s>%n",
                stack.bootstrapServers(), db.host(), db.port(), stack.postgresCredentialsFile(), stack.jwksUrl(),
                TokenMinter.ISSUER, TokenMinter.AUDIENCE, TokenMinter.DEFAULT_VALIDITY.toSeconds(),
                stack.kafkaLogins().mechanism(), stack.kafkaCredentialsFile()));
        System.out.print(out);
    }

    private static void appendInfra(StringBuilder out, LocalStackCluster stack) {
        PostgresConnection db = stack.postgres();
        out.append(String.format("  %-18s %s (SASL %s; passwords in %s)%n", "Kafka bootstrap", stack.bootstrapServers(),
                stack.kafkaLogins().mechanism(), stack.kafkaCredentialsFile()));
        out.append(String.format("  %-18s %s (databases %s; administrator %s; service roles <db>_app and <db>_owner, passwords in %s)%n",
                "PostgreSQL", db.jdbcUrl("<db>"), String.join(", ", LocalStackCluster.DATABASES), db.user(), stack.postgresCredentialsFile()));
        out.append(String.format("  %-18s %s%n", "Data folder", stack.dataDir()));
        out.append(String.format("  %-18s %s%n", "Logs", stack.logsDir()));
        out.append(String.format("  %-18s %s (rotate: deploy/token.sh --rotate, then --retire)%n", "JWKS", stack.jwksUrl()));
        out.append(String.format("  %-18s 127.0.0.1:%d; what was sent: %s (?to=<address>)%n", "SMTP", stack.smtpPort(),
                stack.mailboxUrl()));
        out.append(String.format("  %-18s deploy/token.sh staff alice   (roles: %s)%n", "Token", String.join(", ", TokenMinter.ROLES)));
    }
}
