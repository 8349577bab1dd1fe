package org.cecplatform.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.cecplatform.kafka.access.KafkaAcls;
import org.cecplatform.kafka.access.KafkaCredentials;
import org.cecplatform.kafka.access.KafkaRights;
import org.cecplatform.kafka.access.SaslPlain;

/**
 * The whole platform on this machine, under program control: embedded PostgreSQL, a KRaft Kafka broker, the topics,
 * the token keys and their JWKS (served over HTTP) and the three packaged services as child processes. {@code deploy/run-local.sh} ({@code up}) is one
 * user; system tests and benchmarks are others. Components can be stopped, killed and started again on the same
 * data folder and ports, so data survives restarts.
 *
 * <pre>{@code
 * try (LocalStackCluster stack = LocalStackCluster.builder().dataDir(dir).freePorts().build()) {
 *     stack.start();                                   // infrastructure, services, ready
 *     String token = stack.mintToken("staff", "alice");
 *     stack.killService(PlatformService.LEDGER);       // kill -9
 *     stack.startService(PlatformService.LEDGER);
 *     stack.awaitReady(PlatformService.LEDGER, Duration.ofSeconds(60));
 * }
 * }</pre>
 *
 * Thread-safe; {@link #close()} (from a shutdown hook, say) waits for a component being started, stops everything in
 * order, and nothing starts afterwards. The stack registers no shutdown hook of its own: a user that must not leave
 * processes behind when its JVM exits adds one (the {@code up} command and the system tests do).
 */
public final class LocalStackCluster implements AutoCloseable {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(240);
    /**
     * A service's JVM, sized for a host of two cores: a 96 MB heap is three times its live set under the benchmark's
     * load, the serial collector suits a service given one or two cores, freed native memory (the JIT compilers'
     * arenas) is handed back to the operating system every 5 s instead of staying resident, only the optimising
     * compiler runs (no tier of profiled quick compiles: 20-40 MB less code cache and compiler memory, a slower first
     * minute), in the JVM's two compiler threads (one would save compiler scratch memory under load, but on a quiet
     * machine it saved none and cost 16 % of the pipeline and half the read throughput: docs/performance.md, 1 December),
     * and at most 8 worker threads serve blocking requests and consumers (the 200 of Quarkus' default queue
     * on the CPU instead of in the pool: read p99 21 ms with ~40 workers, 8-15 ms with 8). Together 240-290 MB RSS
     * after the benchmark's heaviest load.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xmx96m", "-XX:+UseSerialGC",
            "-XX:TrimNativeHeapInterval=5000", "-XX:-TieredCompilation",
            "-Dquarkus.thread-pool.max-threads=8");
    public static final List<String> DEFAULT_KAFKA_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    /** All three databases are created whichever services run, so a service can be started by hand later. */
    static final List<String> DATABASES = Arrays.stream(PlatformService.values()).map(PlatformService::database).toList();

    private final StackPaths paths;
    private final Consumer<String> console;
    private final StaleProcesses staleProcesses;
    private final PostgresNode postgres;
    private final DatabaseCredentials databaseCredentials;
    private final KafkaNode kafka; // null when the stack uses an existing cluster
    private final String bootstrapServers;
    private final KafkaLogins kafkaLogins;
    private final JwtKeys keys;
    private final String paymentWebhookSecret;
    private final JwksServer jwks;
    private final MailServer mail;
    private final int auditPort;
    private final int renewalPort;
    private final DevOidcProvider devOidc;
    private final ServiceProcess staffConsole; // null unless the builder asked for it
    private final Map<PlatformService, ServiceProcess> services = new EnumMap<>(PlatformService.class);
    private final ReadinessWaiter readiness;
    private final Function<String, String> portLabels;
    private final int kafkaPort;

    private volatile boolean closing;
    private boolean closed;
    private LauncherLock lock;
    private boolean postgresStarted;
    private boolean kafkaStarted;
    private boolean servicesStarted;

    LocalStackCluster(LocalStackBuilder b, Map<PlatformService, ServicePorts> servicePorts, int postgresPort, int kafkaPort,
                      int controllerPort, int jwksPort, int smtpPort, int mailboxPort) {
        this.paths = new StackPaths(b.repoRoot, b.dataDir);
        this.console = b.console;
        this.staleProcesses = new StaleProcesses(console);
        this.postgres = b.externalPostgres != null
                ? PostgresNode.external(b.externalPostgres)
                : PostgresNode.embedded(paths, postgresPort, staleProcesses, b.portLabels.apply("PostgreSQL"));
        // Made on the first start of a data folder (and completed when a database is added, or a line deleted).
        this.databaseCredentials = DatabaseCredentials.loadOrCreate(paths.postgresCredentials(), DATABASES);
        if (b.externalKafka != null) {
            this.kafka = null;
            this.bootstrapServers = b.externalKafka;
            // An existing cluster's principals and passwords: the operator of that cluster puts them in the data folder.
            this.kafkaLogins = new KafkaLogins(bootstrapServers, KafkaLogins.mechanismOf(System.getenv()),
                    existingClusterCredentials(paths.kafkaCredentials()));
        } else {
            // Made on the first start of a data folder (and completed when the rights table gains a principal).
            KafkaCredentials credentials = KafkaCredentials.loadOrCreate(paths.kafkaCredentials(), KafkaRights.shipped());
            this.kafka = b.kafkaInChildProcess
                    ? new KafkaBrokerProcess(paths.kafka(), kafkaPort, controllerPort, paths.logs(), paths.pids().resolve("kafka.pid"),
                            b.kafkaJvmOptions, paths.kafkaCredentials())
                    : new KafkaBroker(paths.kafka(), kafkaPort, controllerPort, credentials);
            this.bootstrapServers = kafka.bootstrapServers();
            this.kafkaLogins = new KafkaLogins(bootstrapServers, SaslPlain.MECHANISM, credentials);
        }
        this.keys = new JwtKeys(paths.jwt());
        this.paymentWebhookSecret = webhookSecret(paths);
        this.jwks = new JwksServer(keys, jwksPort);
        // The audit notices tell where to upload proof: the stack's audit-service (its default port if not in this stack).
        this.auditPort = servicePorts.containsKey(PlatformService.AUDIT) ? servicePorts.get(PlatformService.AUDIT).http()
                : PlatformService.AUDIT.defaultPort();
        this.renewalPort = servicePorts.containsKey(PlatformService.RENEWAL)
                ? servicePorts.get(PlatformService.RENEWAL).http() : PlatformService.RENEWAL.defaultPort();
        this.mail = new MailServer(smtpPort, mailboxPort);
        this.devOidc = new DevOidcProvider(() -> TokenMinter.usingUnchecked(keys), "http://127.0.0.1:" + jwksPort, jwks.url(),
                DevOidcProvider.newClientSecret(), java.time.Clock.systemUTC());
        jwks.mount(DevOidcProvider.PATH, devOidc.handler());
        servicePorts.forEach((service, port) -> {
            Map<String, String> env = serviceEnvironment(service, port);
            env.putAll(b.env);
            env.putAll(b.serviceEnv.getOrDefault(service, Map.of()));
            services.put(service, new ServiceProcess(service, paths.serviceJar(service.moduleName()), port, b.jvmOptions, env,
                    paths.data(), paths.logs().resolve(service.moduleName() + ".log"),
                    paths.pids().resolve(service.moduleName() + ".pid"), console));
        });
        this.staffConsole = b.staffConsolePorts == null ? null : staffConsoleProcess(b);
        this.readiness = new ReadinessWaiter(Duration.ofMillis(500), console, () -> closing);
        this.portLabels = b.portLabels;
        this.kafkaPort = kafkaPort;
    }

    public static LocalStackBuilder builder() {
        return new LocalStackBuilder();
    }

    /**
     * Stops what a stack on {@code dataDir} left running when its JVM was killed (services, a child-process broker,
     * PostgreSQL), unless a live stack still holds that folder. Returns whether the folder was free.
     */
    public static boolean stopLeftovers(Path dataDir, Consumer<String> console) throws IOException {
        StackPaths paths = new StackPaths(StackPaths.locateRepoRoot(), dataDir.toAbsolutePath().normalize());
        if (!Files.isRegularFile(paths.lockFile())) {
            return true;
        }
        try (LauncherLock ignored = LauncherLock.acquire(paths.lockFile())) {
            StaleProcesses stale = new StaleProcesses(console);
            stale.stopRecordedProcesses(paths.pids());
            stale.stopStalePostmaster(paths.postgresData());
            return true;
        } catch (IllegalStateException held) {
            return false;
        }
    }

    // ---------------------------------------------------------------- the whole stack

    /** Infrastructure, then the services, then waits until all are ready ({@link #DEFAULT_READY_TIMEOUT}); then the staff console if asked. */
    public void start() throws Exception {
        startInfrastructure();
        startServices();
        awaitReady(DEFAULT_READY_TIMEOUT);
        if (staffConsole != null) {
            startStaffConsole();
            awaitStaffConsoleReady(DEFAULT_READY_TIMEOUT);
        }
    }

    // ---------------------------------------------------------------- the staff console

    /** Starts the staff console (after the services: it calls them); only with {@link LocalStackBuilder#staffConsole()}. */
    public synchronized void startStaffConsole() throws IOException {
        ensureOpen(StaffConsole.NAME);
        ServiceProcess console = staffConsoleProcess();
        if (!console.isAlive()) {
            Ports.requireFree(console.port(), portLabels.apply(StaffConsole.NAME));
            Ports.requireFree(console.managementPort(), portLabels.apply(StaffConsole.NAME + " management"));
        }
        servicesStarted = true;
        console.start();
    }

    public void awaitStaffConsoleReady(Duration timeout) throws InterruptedException {
        readiness.awaitReady(List.of(staffConsoleProcess()), timeout);
    }

    /** Where a person opens the console: {@code http://127.0.0.1:8084}; empty when this stack runs none. */
    public java.util.Optional<String> staffConsoleUrl() {
        return staffConsole == null ? java.util.Optional.empty() : java.util.Optional.of(staffConsole.baseUrl());
    }

    /**
     * How long the development sign-in's tokens live (access and id token) and how long a console session may stay idle
     * (its refresh token), for tokens issued from now on: a test of the console's refresh and time-out shortens them to
     * seconds, then puts them back with {@link #devSignInDefaultLifetimes()}.
     */
    public void devSignInLifetimes(java.time.Duration token, java.time.Duration idle) {
        devOidc.lifetimes(token, idle);
    }

    public void devSignInDefaultLifetimes() {
        devOidc.lifetimes(DevOidcProvider.TOKEN_VALIDITY, DevOidcProvider.IDLE_TIMEOUT);
    }

    public Path staffConsoleLogFile() {
        return staffConsoleProcess().logFile();
    }

    private ServiceProcess staffConsoleProcess() {
        if (staffConsole == null) {
            throw new IllegalStateException("This stack runs no staff console (LocalStackBuilder.staffConsole())");
        }
        return staffConsole;
    }

    private ServiceProcess staffConsoleProcess(LocalStackBuilder b) {
        if (!services.keySet().containsAll(EnumSet.allOf(PlatformService.class))) {
            throw new IllegalArgumentException("The staff console needs every service in the stack");
        }
        Map<PlatformService, String> urls = new EnumMap<>(PlatformService.class);
        services.forEach((service, process) -> urls.put(service, process.baseUrl()));
        Map<String, String> env = StaffConsole.environment(b.staffConsolePorts, urls, devOidc);
        return new ServiceProcess(StaffConsole.NAME, paths.serviceJar(StaffConsole.NAME), b.staffConsolePorts, b.jvmOptions,
                env, paths.data(), paths.logs().resolve(StaffConsole.NAME + ".log"),
                paths.pids().resolve(StaffConsole.NAME + ".pid"), console);
    }

    /**
     * Locks the data folder (stopping what a launcher killed with kill -9 left running on it), starts PostgreSQL and
     * creates the databases, starts Kafka, creates the topics, makes the token key (once per data folder) and serves
     * the JWKS.
     */
    public synchronized void startInfrastructure() throws Exception {
        lockDataDir();
        startPostgres();
        startKafka();
        createTopics();
        ensureJwtKeys();
        startJwks();
        startMail();
    }

    /** One launcher per data folder; a second one fails here. Stops services and brokers left over from a crashed one. */
    synchronized void lockDataDir() throws IOException {
        ensureOpen("the launcher lock");
        if (lock != null) {
            return;
        }
        Files.createDirectories(paths.data());
        lock = LauncherLock.acquire(paths.lockFile());
        staleProcesses.stopRecordedProcesses(paths.pids());
    }

    /** Returns how many topics were created (the others were there already). */
    synchronized int createTopics() throws Exception {
        ensureOpen("the topics");
        return new TopicCreator(kafkaLogins.asOperator()).ensureTopics();
    }

    synchronized void ensureJwtKeys() throws Exception {
        ensureOpen("the JWT keys");
        keys.ensure();
    }

    /** Serves the JWKS the services verify tokens with, on 127.0.0.1 ({@link #jwksUrl()}); until {@link #close()}. */
    public synchronized void startJwks() throws Exception {
        ensureOpen("the JWKS");
        if (!jwks.isRunning()) {
            ensureJwtKeys();
            Ports.requireFree(jwksPort(), portLabels.apply("JWKS"));
            jwks.start();
        }
    }

    /**
     * Starts the SMTP server the notification-service sends to, and the listing of what it received
     * ({@link #mailboxUrl()}); until {@link #close()}.
     */
    public synchronized void startMail() throws Exception {
        ensureOpen("the SMTP server");
        if (!mail.isRunning()) {
            Ports.requireFree(mail.smtpPort(), portLabels.apply("SMTP"));
            mail.start();
        }
    }

    /** What the stack's SMTP server received, as JSON: {@code http://127.0.0.1:<port>/messages[?to=<address>]}. */
    public String mailboxUrl() {
        return mail.mailboxUrl();
    }

    public int smtpPort() {
        return mail.smtpPort();
    }

    /** Starts every service of this cluster that is not running; does not wait for them to be ready. */
    public synchronized void startServices() throws IOException {
        for (PlatformService service : services.keySet()) {
            if (!services.get(service).isAlive()) {
                startService(service);
            }
        }
    }

    // ---------------------------------------------------------------- services

    /** Starts the service's process (it must not be running); see {@link #awaitReady(PlatformService, Duration)}. */
    public synchronized void startService(PlatformService service) throws IOException {
        ensureOpen(service.moduleName());
        if (lock == null) {
            throw new IllegalStateException("Start the infrastructure (startInfrastructure()) before " + service);
        }
        ServiceProcess process = process(service);
        if (!process.isAlive()) {
            Ports.requireFree(process.port(), portLabels.apply(service.moduleName()));
            Ports.requireFree(process.managementPort(), portLabels.apply(service.moduleName() + " management"));
        }
        servicesStarted = true;
        process.start();
    }

    /** SIGTERM, then waits for the exit (up to 20 s, then kills). Does nothing when it is not running. */
    public synchronized void stopService(PlatformService service) throws IOException {
        ServiceProcess process = process(service);
        process.requestStop();
        process.awaitStop(System.nanoTime() + SERVICE_STOP_GRACE.toNanos());
    }

    /** SIGKILL to the service's java process ({@code Process.destroyForcibly()}, i.e. kill -9); waits until it is gone. */
    public synchronized void killService(PlatformService service) throws IOException {
        process(service).kill();
    }

    /** {@link #stopService} then {@link #startService}: same port and environment. Does not wait for readiness. */
    public synchronized void restartService(PlatformService service) throws IOException {
        stopService(service);
        startService(service);
    }

    /** Waits until {@code /q/health/ready} on its management port answers 200; throws {@link ServiceNotReadyException} if it exits or is late. */
    public void awaitReady(PlatformService service, Duration timeout) throws InterruptedException {
        readiness.awaitReady(List.of(process(service)), timeout);
    }

    /** {@link #awaitReady(PlatformService, Duration)} for every service of this cluster, in parallel. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        readiness.awaitReady(List.copyOf(services.values()), timeout);
    }

    public boolean isRunning(PlatformService service) {
        return process(service).isAlive();
    }

    // ---------------------------------------------------------------- Kafka

    /** Starts the broker on its data folder and port (formatted the first time); returns once it serves requests. */
    public synchronized void startKafka() throws IOException {
        ensureOpen("Kafka");
        if (kafka == null) {
            return; // an existing cluster
        }
        Ports.requireFree(kafkaPort, portLabels.apply("Kafka"));
        kafkaStarted = true;
        kafka.start();
        grantKafkaRights();
    }

    /** The rights table's ACLs, exactly: the broker refuses everything else (a right taken out of the table too). */
    private void grantKafkaRights() throws IOException {
        try (Admin admin = Admin.create(kafkaLogins.asBroker())) {
            KafkaAcls.sync(admin, KafkaRights.shipped());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while granting the Kafka rights", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not grant the Kafka rights on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /** Graceful stop (controlled shutdown); {@link #startKafka()} brings it back with its data. */
    public synchronized void stopKafka() throws IOException {
        managedKafka().stop();
    }

    /**
     * kill -9 of the broker: only when it runs in a child process ({@link LocalStackBuilder#kafkaInChildProcess()}); an
     * in-process broker throws {@link UnsupportedOperationException}, and {@link #stopKafka()} is the most abrupt
     * stop it has.
     */
    public synchronized void killKafka() throws IOException {
        managedKafka().kill();
    }

    public boolean isKafkaRunning() {
        return kafka == null || kafka.isRunning();
    }

    /** The broker's PID when it runs in a child process. */
    public OptionalLong kafkaPid() {
        return kafka == null ? OptionalLong.empty() : kafka.pid();
    }

    /** Resident set size of the child-process broker in kB; empty when the broker runs in this JVM or elsewhere. */
    public OptionalLong kafkaRssKb() {
        OptionalLong pid = kafkaPid();
        return pid.isPresent() ? ProcStatus.rssKb(pid.getAsLong()) : OptionalLong.empty();
    }

    private KafkaNode managedKafka() {
        if (kafka == null) {
            throw new UnsupportedOperationException("Kafka is an existing cluster (" + bootstrapServers + "); the stack does not stop it");
        }
        return kafka;
    }

    // ---------------------------------------------------------------- PostgreSQL

    /** Starts the embedded server on its data folder and port and creates missing databases (for an existing server: only the databases). */
    public synchronized void startPostgres() throws Exception {
        ensureOpen("PostgreSQL");
        postgresStarted = true;
        postgres.start(DATABASES, databaseCredentials);
    }

    /** Fast shutdown of the embedded server ({@code pg_ctl stop -m fast}); {@link #startPostgres()} brings it back with its data. */
    public synchronized void stopPostgres() throws IOException {
        postgres.stop();
    }

    public boolean isPostgresRunning() {
        return postgres.isRunning();
    }

    // ---------------------------------------------------------------- where things are

    public String baseUrl(PlatformService service) {
        return process(service).baseUrl();
    }

    public int port(PlatformService service) {
        return process(service).port();
    }

    /** {@code http://127.0.0.1:<management port>}: health ({@code /q/health/live}, {@code /q/health/ready}) and {@code /q/metrics}. */
    public String managementUrl(PlatformService service) {
        return process(service).managementUrl();
    }

    public int managementPort(PlatformService service) {
        return process(service).managementPort();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's address and a login per principal of the rights table, for clients of this stack. */
    public KafkaLogins kafkaLogins() {
        return kafkaLogins;
    }

    public PostgresConnection postgres() {
        return postgres.connection();
    }

    /** {@code jdbc:postgresql://host:port/<database>}; user and password in {@link #postgres()}. */
    public String jdbcUrl(String database) {
        return postgres.connection().jdbcUrl(database);
    }

    /** A bearer token signed with this stack's key, valid 12 hours (see {@link TokenMinter}). */
    public String mintToken(String role, String subject) {
        return mintToken(role, subject, null);
    }

    /**
     * The same, for a staff member or auditor who is also the certificant {@code certificantId}. The signing key is
     * read each time, so tokens follow a rotation ({@code deploy/token.sh --rotate}) made while the stack runs.
     */
    public synchronized String mintToken(String role, String subject, String certificantId) {
        return TokenMinter.usingUnchecked(keys).mint(role, subject, certificantId, TokenMinter.DEFAULT_VALIDITY);
    }

    /**
     * The development payment provider, paying into this stack's renewal-service with its webhook secret (the
     * renewal-service must be part of this cluster).
     */
    public DevPaymentProvider paymentProvider() {
        return new DevPaymentProvider(java.net.URI.create(baseUrl(PlatformService.RENEWAL)), paymentWebhookSecret,
                mintToken("staff", "payment-provider"));
    }

    private static String webhookSecret(StackPaths paths) {
        try {
            return PaymentWebhookSecret.loadOrCreate(paths.paymentWebhookSecret());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not read or make the payment webhook secret", e);
        }
    }

    /** The PID of the service's java process; throws when it is not running. */
    public long pid(PlatformService service) {
        Process process = process(service).process();
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(service + " is not running");
        }
        return process.pid();
    }

    /** Resident set size of the service's process in kB (VmRSS of /proc/&lt;pid&gt;/status). */
    public long rssKb(PlatformService service) {
        long pid = pid(service);
        return ProcStatus.rssKb(pid).orElseThrow(() -> new IllegalStateException("No VmRSS for " + service + " (pid " + pid + ")"));
    }

    /** The variables this stack gives the service (besides its own environment, which the service inherits). */
    public Map<String, String> environment(PlatformService service) {
        return process(service).environment();
    }

    public Path logFile(PlatformService service) {
        return process(service).logFile();
    }

    public Set<PlatformService> services() {
        return services.isEmpty() ? Set.of() : EnumSet.copyOf(services.keySet());
    }

    /** Jars of this cluster's services (and console) that are not built ({@code <module>/target/quarkus-app/quarkus-run.jar}). */
    public List<Path> missingServiceJars() {
        List<ServiceProcess> processes = new java.util.ArrayList<>(services.values());
        if (staffConsole != null) {
            processes.add(staffConsole);
        }
        return processes.stream().map(ServiceProcess::jar).filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    public Path dataDir() {
        return paths.data();
    }

    public Path logsDir() {
        return paths.logs();
    }

    /** A password per Kafka principal: {@code principal=password} lines (readable only by the stack's user). */
    public Path kafkaCredentialsFile() {
        return paths.kafkaCredentials().toAbsolutePath();
    }

    /** A password per PostgreSQL service role: {@code role=password} lines (readable only by the stack's user). */
    public Path postgresCredentialsFile() {
        return paths.postgresCredentials().toAbsolutePath();
    }

    /**
     * A new signing key, published beside the old ones ({@code deploy/token.sh --rotate}): tokens minted from now on
     * name it, and the running services accept them without a restart. Returns its kid.
     */
    public synchronized String rotateKeys() throws IOException, GeneralSecurityException {
        return keys.rotate();
    }

    /** Where the services read their verification keys (JWT_JWKS_LOCATION): {@code http://127.0.0.1:<port>/jwks.json}. */
    public String jwksUrl() {
        return jwks.url();
    }

    public int jwksPort() {
        return jwks.port();
    }

    /** The stack's JWK set on disk (what {@link #jwksUrl()} serves) and, beside it, the signing key. */
    public Path jwksFile() {
        return keys.jwksFile().toAbsolutePath();
    }

    String kafkaDescription() {
        return kafka == null ? "existing cluster " + bootstrapServers : kafka.description();
    }

    String postgresDescription() {
        return postgres.description();
    }

    boolean isClosing() {
        return closing;
    }

    private static KafkaCredentials existingClusterCredentials(Path file) {
        try {
            return KafkaCredentials.load(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("An existing Kafka cluster needs the passwords of its principals (one line "
                    + "principal=password for each service and the operator) in " + file, e);
        }
    }

    // ---------------------------------------------------------------- stopping

    /** Stops the services (SIGTERM to all, up to 20 s, then killed), then Kafka, then PostgreSQL; releases the data folder. Idempotent. */
    @Override
    public void close() {
        closing = true; // first, so a wait for readiness ends now rather than when its time is up
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            long begin = System.nanoTime();
            if (staffConsole != null) {
                run(StaffConsole.NAME, () -> {
                    staffConsole.requestStop(); // first: it calls the services
                    staffConsole.awaitStop(System.nanoTime() + SERVICE_STOP_GRACE.toNanos());
                });
            }
            if (servicesStarted) {
                run("services", this::stopAllServices);
            }
            jwks.stop(); // after the services: they verify tokens until they stop
            mail.stop(); // after the services: the notification-service sends until it stops
            if (kafka != null && kafkaStarted) {
                run("Kafka", () -> {
                    console.accept("Stopping Kafka");
                    kafka.stop();
                });
            }
            if (postgres.isEmbedded() && postgresStarted) {
                run("PostgreSQL", () -> {
                    console.accept("Stopping PostgreSQL");
                    postgres.stop();
                });
            }
            if (lock != null) {
                run("launcher lock", lock::close);
                console.accept(String.format("Local stack stopped (%.1f s)", (System.nanoTime() - begin) / 1e9));
            }
        }
    }

    /** SIGTERM to all at once (they shut down in parallel), then up to 20 s before killing. */
    private void stopAllServices() throws IOException {
        console.accept("Stopping services");
        services.values().forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + SERVICE_STOP_GRACE.toNanos();
        for (ServiceProcess service : services.values()) {
            service.awaitStop(deadline);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private void run(String what, Action action) {
        try {
            action.run();
        } catch (Exception e) {
            console.accept("Stopping " + what + " failed: " + e);
        }
    }

    private void ensureOpen(String what) {
        if (closing) {
            throw new IllegalStateException("Shutting down; not starting " + what);
        }
    }

    private ServiceProcess process(PlatformService service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service + " is not part of this stack (services: " + services.keySet() + ")");
        }
        return process;
    }

    /** The services' configuration contract: they read exactly these variables. */
    private Map<String, String> serviceEnvironment(PlatformService service, ServicePorts ports) {
        PostgresConnection db = postgres.connection();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("HTTP_PORT", Integer.toString(ports.http()));
        vars.put("HTTP_HOST", "127.0.0.1");
        vars.put("MANAGEMENT_PORT", Integer.toString(ports.management()));
        vars.put("MANAGEMENT_HOST", "127.0.0.1");
        vars.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        vars.put("KAFKA_SASL_MECHANISM", kafkaLogins.mechanism());
        vars.put("KAFKA_USERNAME", service.moduleName());
        vars.put("KAFKA_PASSWORD", kafkaLogins.password(service.moduleName()));
        vars.put("DB_HOST", db.host());
        vars.put("DB_PORT", Integer.toString(db.port()));
        vars.put("DB_NAME", service.database());
        // The service runs as its runtime role and migrates as the database's owner role (docs/security.md).
        vars.put("DB_USER", DatabaseCredentials.runtimeRole(service.database()));
        vars.put("DB_PASSWORD", databaseCredentials.password(DatabaseCredentials.runtimeRole(service.database())));
        vars.put("DB_MIGRATION_USER", DatabaseCredentials.ownerRole(service.database()));
        vars.put("DB_MIGRATION_PASSWORD", databaseCredentials.password(DatabaseCredentials.ownerRole(service.database())));
        vars.put("JWT_JWKS_LOCATION", jwks.url());
        vars.put("JWT_ISSUER", TokenMinter.ISSUER);
        vars.put("JWT_AUDIENCE", TokenMinter.AUDIENCE);
        vars.put("JWT_MAX_AGE_SECONDS", Long.toString(TokenMinter.DEFAULT_VALIDITY.toSeconds()));
        vars.put("CEC_CLOCK_SETTABLE", "true");
        if (service == PlatformService.RENEWAL) {
            vars.put("PAYMENT_WEBHOOK_SECRET", paymentWebhookSecret);
        }
        if (service == PlatformService.NOTIFICATION) {
            vars.put("SMTP_HOST", "127.0.0.1");
            vars.put("SMTP_PORT", Integer.toString(mail.smtpPort()));
            vars.put("SMTP_START_TLS", "DISABLED");
            vars.put("AUDIT_SERVICE_PUBLIC_URL", "http://127.0.0.1:" + auditPort);
            // Reminders read renewal-service's certifications with a client-credentials token from the stack's IdP.
            vars.put("RENEWAL_SERVICE_URL", "http://127.0.0.1:" + renewalPort);
            vars.put("OIDC_AUTH_SERVER_URL", jwks.baseUrl());
            vars.put("OIDC_CLIENT_ID", ClientCredentialsGrant.CLIENT_ID);
            vars.put("OIDC_CLIENT_SECRET", jwks.clientSecret());
        }
        return vars;
    }
}
