package org.cecplatform.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing accepted is lost or counted twice while the services and the broker are killed (kill -9) and restarted in
 * the middle of a stream of intake messages, self-reports and renewals. Short by default (5,000 writes); the long
 * version ({@code deploy/reliability.sh}) sets {@code -Dcec.reliability.writes=100000}. The stream is paced over at least
 * 90 s so that each fault (at 10, 30, 50 and 70 % of the writes) meets writes in flight.
 */
@SystemTest
class CrashSystemTest {

    static final int WRITES = Integer.getInteger("cec.reliability.writes", 5_000);
    private static final Duration READY = Duration.ofSeconds(240);
    private static final long SEED = 20261129L;

    @AfterEach
    void everythingRunsAgain(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        if (!cluster.isKafkaRunning()) {
            cluster.startKafka();
        }
        cluster.startServices();
        cluster.awaitReady(READY);
    }

    @Test
    void nothingIsLostOrCountedTwiceWhenServicesAndTheBrokerAreKilled(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        String prefix = "CR" + UUID.randomUUID().toString().substring(0, 6);
        int renewals = Math.max(10, WRITES / 250);
        ReliabilityWorkload workload = new ReliabilityWorkload(cluster, prefix, Math.max(50, WRITES / 50), WRITES, renewals, SEED);
        workload.grantRenewersCertifications();

        AtomicInteger faults = new AtomicInteger();
        long begin = System.nanoTime();
        CompletableFuture<Void> faultInjector = CompletableFuture.runAsync(() -> {
            try {
                killAndRestartAt(0.10, workload, faults, () -> cluster.killService(PlatformService.LEDGER), () -> restart(cluster, PlatformService.LEDGER));
                killAndRestartAt(0.30, workload, faults, () -> cluster.killService(PlatformService.RENEWAL), () -> restart(cluster, PlatformService.RENEWAL));
                killAndRestartAt(0.50, workload, faults, () -> cluster.killService(PlatformService.AUDIT), () -> restart(cluster, PlatformService.AUDIT));
                killAndRestartAt(0.70, workload, faults, cluster::killKafka, () -> {
                    cluster.startKafka();
                    cluster.awaitReady(READY);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            workload.run(4, Duration.ofSeconds(90));
            faultInjector.get(10, TimeUnit.MINUTES);
        } finally {
            workload.close();
        }
        double streamSeconds = (System.nanoTime() - begin) / 1e9;

        ReliabilityVerdict verdict = new ReliabilityVerdict(cluster, workload).awaitQuiet(Duration.ofMinutes(5)).compare();
        System.out.println(verdict.describe(String.format("Crash test: %d writes in %.0f s, then quiet after %.0f s in all (seed %d, prefix %s)",
                WRITES, streamSeconds, (System.nanoTime() - begin) / 1e9, SEED, prefix), faults.get()));
        verdict.assertNothingLostOrDuplicated();
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Waits until this fraction of the stream is done, then kills, then restarts (while the stream goes on). */
    private static void killAndRestartAt(double fraction, ReliabilityWorkload workload, AtomicInteger faults, Step kill, Step restart)
            throws Exception {
        int at = (int) (workload.writes() * fraction);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> workload.done() >= at);
        kill.run();
        faults.incrementAndGet();
        System.out.println("[crash] fault " + faults.get() + " injected after " + workload.done() + " writes");
        restart.run();
    }

    private static void restart(LocalStackCluster cluster, PlatformService service) throws Exception {
        cluster.startService(service);
        cluster.awaitReady(service, READY);
    }

}
