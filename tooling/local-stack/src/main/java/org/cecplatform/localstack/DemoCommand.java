package org.cecplatform.localstack;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.cecplatform.localstack.demo.DemoLoader;
import org.cecplatform.localstack.demo.DemoPopulation;
import org.cecplatform.localstack.demo.DemoReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Fills the running stack with a seeded population through the public REST API and the intake topics. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Loads demo certificants, credits and renewals into the running stack, then checks the renewal "
                + "counts per level against the audit sampling report (exit 1 on a mismatch or failed calls).")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--certificants", defaultValue = "2000", description = "How many people (default ${DEFAULT-VALUE}).")
    int certificants;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; also part of the ids, so another seed loads other people (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--today", description = "Move every service's clock to this day (YYYY-MM-DD, noon New York) first; "
            + "default: load on the services' current day.")
    LocalDate today;

    @Option(names = "--threads", defaultValue = "4", description = "People loaded in parallel (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--ledger-url", defaultValue = "${env:LEDGER:-http://127.0.0.1:8081}")
    String ledgerUrl;

    @Option(names = "--renewal-url", defaultValue = "${env:RENEWAL:-http://127.0.0.1:8082}")
    String renewalUrl;

    @Option(names = "--audit-url", defaultValue = "${env:AUDIT:-http://127.0.0.1:8083}")
    String auditUrl;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        StackPaths paths = dataDir.paths();
        TokenMinter minter = TokenMinter.using(new JwtKeys(paths.jwt()));
        DemoLoader loader = new DemoLoader(new DemoLoader.Settings(ledgerUrl, renewalUrl, auditUrl,
                KafkaLogins.ofRunningStack(paths, bootstrapServers),
                minter::mint, new DevPaymentProvider(URI.create(renewalUrl),
                        PaymentWebhookSecret.loadOrCreate(paths.paymentWebhookSecret()), minter.mint("staff", "demo")),
                today, threads, Duration.ofMinutes(5)), System.err);
        LocalDate day = loader.today();
        DemoPopulation population = DemoPopulation.generate(certificants, seed, day);
        System.err.printf("Loading %d certificants (%d renewing, %d credits) on %s, seed %d%n",
                certificants, population.renewing(), population.credits(), day, seed);
        DemoReport report = loader.load(population);
        report.print(System.out);
        return report.matches() && report.failures().isEmpty() ? 0 : 1;
    }
}
