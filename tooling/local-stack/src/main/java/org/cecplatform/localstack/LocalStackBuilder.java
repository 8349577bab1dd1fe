package org.cecplatform.localstack;

import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Settings of a stack; only {@link #dataDir(Path)} is required. */
public final class LocalStackBuilder {
    Path dataDir;
    Path repoRoot;
    private boolean freePorts;
    Integer postgresPort;
    Integer kafkaPort;
    Integer kafkaControllerPort;
    Integer jwksPort;
    Integer smtpPort;
    Integer mailboxPort;
    boolean staffConsole;
    Integer staffConsolePort;
    Integer staffConsoleManagementPort;
    ServicePorts staffConsolePorts; // set by build()
    final Map<PlatformService, Integer> servicePorts = new EnumMap<>(PlatformService.class);
    final Map<PlatformService, Integer> managementPorts = new EnumMap<>(PlatformService.class);
    Set<PlatformService> serviceSet = EnumSet.allOf(PlatformService.class);
    final Map<String, String> env = new LinkedHashMap<>();
    final Map<PlatformService, Map<String, String>> serviceEnv = new EnumMap<>(PlatformService.class);
    List<String> jvmOptions = LocalStackCluster.DEFAULT_SERVICE_JVM_OPTIONS;
    List<String> kafkaJvmOptions = LocalStackCluster.DEFAULT_KAFKA_JVM_OPTIONS;
    boolean kafkaInChildProcess;
    PostgresConnection externalPostgres;
    String externalKafka;
    Consumer<String> console = line -> { };
    Function<String, String> portLabels = Function.identity();

    LocalStackBuilder() {
    }

    /** The data folder: PostgreSQL and Kafka data, JWT keys, logs, PID files; kept across restarts. Required. */
    public LocalStackBuilder dataDir(Path dir) {
        this.dataDir = dir.toAbsolutePath().normalize();
        return this;
    }

    /** Where the service jars are built ({@code <root>/<service>/target/quarkus-app/quarkus-run.jar}); default: this checkout. */
    public LocalStackBuilder repoRoot(Path root) {
        this.repoRoot = root.toAbsolutePath().normalize();
        return this;
    }

    /** Free ports for everything not set explicitly (default: the launcher's 15432, 9092, 8081-8085, 9081-9085, 8090, 2525, 8025). */
    public LocalStackBuilder freePorts() {
        this.freePorts = true;
        return this;
    }

    public LocalStackBuilder postgresPort(int port) {
        this.postgresPort = port;
        return this;
    }

    public LocalStackBuilder kafkaPort(int port) {
        this.kafkaPort = port;
        return this;
    }

    /** Default: a free port. */
    public LocalStackBuilder kafkaControllerPort(int port) {
        this.kafkaControllerPort = port;
        return this;
    }

    /** Where the stack serves its JWKS (default: the launcher's 8090, or a free port with {@link #freePorts()}). */
    /** The stack's SMTP server (MailServer), which the notification-service sends to; default 2525. */
    public LocalStackBuilder smtpPort(int port) {
        this.smtpPort = port;
        return this;
    }

    /** The listing of what the SMTP server received ({@code GET /messages}); default 8025. */
    public LocalStackBuilder mailboxPort(int port) {
        this.mailboxPort = port;
        return this;
    }

    public LocalStackBuilder jwksPort(int port) {
        this.jwksPort = port;
        return this;
    }

    public LocalStackBuilder servicePort(PlatformService service, int port) {
        servicePorts.put(service, port);
        return this;
    }

    /** The port of the service's management interface (health, metrics). */
    public LocalStackBuilder managementPort(PlatformService service, int port) {
        managementPorts.put(service, port);
        return this;
    }

    /**
     * Runs the staff console too, after the services (its own ports: default 8084 and 9084, or free ones with {@link
     * #freePorts()}); it signs people in with the stack's development provider ({@link DevOidcProvider}).
     */
    public LocalStackBuilder staffConsole() {
        this.staffConsole = true;
        return this;
    }

    public LocalStackBuilder staffConsolePorts(int port, int managementPort) {
        this.staffConsolePort = port;
        this.staffConsoleManagementPort = managementPort;
        return this;
    }

    /** Which services this stack runs (default: all three; none for infrastructure only). */
    public LocalStackBuilder services(Collection<PlatformService> services) {
        this.serviceSet = services.isEmpty() ? EnumSet.noneOf(PlatformService.class) : EnumSet.copyOf(services);
        return this;
    }

    public LocalStackBuilder services(PlatformService... services) {
        return services(List.of(services));
    }

    /** An extra variable for every service (overrides the stack's own, e.g. {@code CEC_CLOCK_SETTABLE}). */
    public LocalStackBuilder env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** An extra variable for one service (overrides the ones for every service). */
    public LocalStackBuilder env(PlatformService service, String name, String value) {
        serviceEnv.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** JVM options of the services (default {@link LocalStackCluster#DEFAULT_SERVICE_JVM_OPTIONS}). */
    public LocalStackBuilder jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    public LocalStackBuilder jvmOptions(String... options) {
        return jvmOptions(List.of(options));
    }

    /**
     * Runs the broker in a child JVM on this JVM's class path instead of in this JVM, so that {@link LocalStackCluster#killKafka()}
     * can kill it. It exits by itself when this JVM dies.
     */
    public LocalStackBuilder kafkaInChildProcess() {
        this.kafkaInChildProcess = true;
        return this;
    }

    /** JVM options of the child-process broker (default {@link LocalStackCluster#DEFAULT_KAFKA_JVM_OPTIONS}). */
    public LocalStackBuilder kafkaJvmOptions(List<String> options) {
        this.kafkaJvmOptions = List.copyOf(options);
        return this;
    }

    /** Use this server instead of the embedded one; the databases are created there if missing. */
    public LocalStackBuilder externalPostgres(PostgresConnection connection) {
        this.externalPostgres = connection;
        return this;
    }

    /** Use this cluster instead of a broker of our own; the topics are created there. */
    public LocalStackBuilder externalKafka(String bootstrapServers) {
        this.externalKafka = bootstrapServers;
        return this;
    }

    /** Where progress lines go ("Stopping services", "ledger-service ready at ..."); default: nowhere. */
    public LocalStackBuilder console(Consumer<String> console) {
        this.console = console;
        return this;
    }

    /** How a port's owner is named when the port is taken ("Kafka" → "Kafka; set KAFKA_PORT to use another one"). */
    LocalStackBuilder portLabels(Function<String, String> labels) {
        this.portLabels = labels;
        return this;
    }

    public LocalStackCluster build() {
        if (dataDir == null) {
            throw new IllegalStateException("A stack needs a data folder (dataDir)");
        }
        if (repoRoot == null) {
            repoRoot = StackPaths.locateRepoRoot();
        }
        // log4j2.xml places the logs of the libraries hosted here (Kafka, zonky) with this property; it must be
        // set before the first logger exists, and the first stack of a JVM wins.
        if (System.getProperty("cec.stack.logs") == null) {
            System.setProperty("cec.stack.logs", dataDir.resolve("logs").toString());
        }
        Ports.FreePorts free = new Ports.FreePorts();
        int pg = port(postgresPort, 15432, free);
        int kafka = port(kafkaPort, 9092, free);
        int controller = kafkaControllerPort != null ? free.reserve(kafkaControllerPort) : free.next();
        int jwks = port(jwksPort, 8090, free);
        int smtp = port(smtpPort, 2525, free);
        int mailbox = port(mailboxPort, 8025, free);
        Map<PlatformService, ServicePorts> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : serviceSet) {
            ports.put(service, new ServicePorts(port(servicePorts.get(service), service.defaultPort(), free),
                    port(managementPorts.get(service), service.defaultManagementPort(), free)));
        }
        if (staffConsole) {
            staffConsolePorts = new ServicePorts(port(staffConsolePort, StaffConsole.DEFAULT_PORT, free),
                    port(staffConsoleManagementPort, StaffConsole.DEFAULT_MANAGEMENT_PORT, free));
        }
        return new LocalStackCluster(this, ports, pg, kafka, controller, jwks, smtp, mailbox);
    }

    private int port(Integer explicit, int defaultPort, Ports.FreePorts free) {
        if (explicit != null) {
            return free.reserve(explicit);
        }
        return freePorts ? free.next() : free.reserve(defaultPort);
    }
}
