package org.cecplatform.benchmark;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.cecplatform.benchmark.Settings.Part;
import org.cecplatform.localstack.LocalStackBuilder;
import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deploy/benchmark.sh}: starts its own stack, measures, prints a table, writes JSON, checks the counts. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Starts a local stack of its own (free ports, data under tooling/benchmark/target/stack-*) and measures"
                + " raw Kafka, the pipeline, steady lag, reads, rebuild, a renewal burst, memory and start-up.")
public final class Benchmark implements Callable<Integer> {

    @Option(names = "--quick", description = "Small figures for a smoke run (10,000 completions, short phases).")
    boolean quick;

    @Option(names = "--only", paramLabel = "PARTS",
            description = "Comma-separated subset of raw,pipeline,steady,reads,reads-with-uploads,rebuild,renewals (rebuild"
                    + " brings pipeline; reads-with-uploads: the reads alone, then beside 10 MB document uploads).")
    String only;

    @Option(names = "--warm-up", description = "Completions sent to the freshly started services before the measured"
            + " parts, and a read load of a third of --read-seconds before the reads, so that what is measured is"
            + " the services' steady state, not their JIT compilers (default 60,000; quick 2,000; 0 for none).")
    Integer warmUp;

    @Option(names = "--completions", description = "Completions of the pipeline run (default 200,000; quick 10,000).")
    Integer completions;

    @Option(names = "--certificants", description = "Certificants they are spread over (default 20,000; quick 1,000).")
    Integer certificants;

    @Option(names = "--steady-rate", description = "Completions per second of the steady-lag run (default 5,000).")
    Integer steadyRate;

    @Option(names = "--steady-seconds", description = "Length of the steady-lag run (default 60 s).")
    Integer steadySeconds;

    @Option(names = "--read-seconds", description = "Length of each read load (default 30 s).")
    Integer readSeconds;

    @Option(names = "--clients", description = "Concurrent clients of the read load and the renewal burst (default 32).")
    Integer clients;

    @Option(names = "--grants", description = "Certificants with a certification for the reads (default 2,000).")
    Integer grants;

    @Option(names = "--renewals", description = "Renewals of the burst (default 5,000).")
    Integer renewals;

    @Option(names = "--service-jvm-options", split = " ", paramLabel = "OPTS",
            description = "JVM options of each service, replacing the stack's defaults (LocalStackCluster.DEFAULT_SERVICE_JVM_OPTIONS).")
    List<String> serviceJvmOptions;

    @Option(names = "--service-env", paramLabel = "SERVICE:NAME=VALUE",
            description = "An environment variable for one service (repeatable), to try a setting, e.g."
                    + " ledger-service:MP_MESSAGING_INCOMING_LMS_COMPLETIONS_MAX_POLL_RECORDS=1000.")
    List<String> serviceEnv = new java.util.ArrayList<>();

    @Option(names = "--keep-stack", description = "Keep the stack's data folder (a default run leaves ~3 GB).")
    boolean keepStack;

    @Option(names = "--output", description = "JSON file (default tooling/benchmark/target/benchmark-<date>.json).")
    Path output;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Benchmark()).execute(args));
    }

    /** The run's settings: the profile, then each option given. */
    Settings settings() {
        Settings base = quick ? Settings.quick() : Settings.defaults();
        int cl = clients != null ? clients : base.readClients();
        return new Settings(
                warmUp != null ? warmUp : base.warmUpCompletions(),
                completions != null ? completions : base.completions(),
                certificants != null ? certificants : base.certificants(),
                steadyRate != null ? steadyRate : base.steadyRate(),
                steadySeconds != null ? steadySeconds : base.steadySeconds(),
                cl,
                readSeconds != null ? readSeconds : base.readSeconds(),
                grants != null ? grants : base.grants(),
                renewals != null ? renewals : base.renewals(),
                cl,
                only != null ? Settings.parseParts(only) : base.parts());
    }

    Path outputFile(Path moduleDir) {
        if (output != null) {
            return output;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss"));
        return moduleDir.resolve("target").resolve("benchmark-" + stamp + ".json");
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = settings();
        Path repo = repoRoot();
        Path moduleDir = repo.resolve("tooling/benchmark");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Report report = new Report();
        Machine.describe(report, settings, quick);
        List<String> jvm = serviceJvmOptions != null ? serviceJvmOptions : LocalStackCluster.DEFAULT_SERVICE_JVM_OPTIONS;
        report.put("run", "serviceJvmOptions", String.join(" ", jvm));
        report.put("run", "serviceEnv", serviceEnv);
        LocalStackBuilder builder = LocalStackCluster.builder();
        for (String setting : serviceEnv) {
            int colon = setting.indexOf(':');
            int equals = setting.indexOf('=');
            if (colon < 1 || equals < colon + 2) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--service-env wants SERVICE:NAME=VALUE, got " + setting);
            }
            builder.env(PlatformService.named(setting.substring(0, colon)), setting.substring(colon + 1, equals),
                    setting.substring(equals + 1));
        }
        Path stackDir = moduleDir.resolve("target").resolve("stack-" + stamp);
        LocalStackCluster cluster = builder.repoRoot(repo)
                .dataDir(stackDir).freePorts().kafkaInChildProcess()
                .env("CEC_JOBS_ENABLED", "false").jvmOptions(jvm).console(line -> System.err.println("  " + line))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "benchmark-stack-stop"));
        int exit;
        try {
            exit = new Runs(cluster, settings, report, LocalDate.now().getYear()).all();
        } finally {
            cluster.close();
            if (!keepStack) {
                deleteTree(stackDir);
            }
        }
        Path file = outputFile(moduleDir);
        report.writeJson(file);
        System.out.println();
        report.printTable(System.out);
        System.out.println();
        System.out.println("JSON: " + file);
        return exit;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    static Path repoRoot() {
        Path here = Paths.get("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (p.resolve("mvnw").toFile().isFile() && p.resolve("tooling/benchmark").toFile().isDirectory()) {
                return p;
            }
        }
        throw new IllegalStateException("run from inside the repository (no mvnw and tooling/benchmark/ above " + here + ")");
    }

    static boolean runs(Settings s, Part p) {
        return s.runs(p);
    }
}
