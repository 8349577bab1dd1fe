package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops in the middle of a stream of intake messages and REST writes: every service says it is not ready
 * and refuses writes with 503 and Retry-After (never 500), intake messages keep arriving on Kafka, and once the
 * database is back nothing is lost or counted twice and the consumers go on from where they were.
 */
@SystemTest
class DatabaseFaultSystemTest {

    private static final Duration READY = Duration.ofSeconds(240);
    private static final int WRITES = Integer.getInteger("cec.database-fault.writes", 1_500);

    @AfterEach
    void everythingRunsAgain(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        if (!cluster.isPostgresRunning()) {
            cluster.startPostgres();
        }
        cluster.startServices();
        cluster.awaitReady(READY);
    }

    @Test
    void servicesRefuseWritesWith503WhileTheDatabaseIsAwayAndLoseNothing(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        String prefix = "DF" + UUID.randomUUID().toString().substring(0, 6);
        ReliabilityWorkload workload = new ReliabilityWorkload(cluster, prefix, 40, WRITES, 5, 42L);
        workload.grantRenewersCertifications();
        ReliabilityHttp probe = new ReliabilityHttp(Duration.ofSeconds(30));
        String staff = cluster.mintToken("staff", "database-fault");

        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            try {
                workload.run(4, Duration.ofSeconds(60));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofMinutes(2)).until(() -> workload.done() >= WRITES / 4);
        cluster.stopPostgres();
        int writesWhenStopped = workload.done();
        try {
            for (PlatformService service : PlatformService.values()) {
                await(service + " not ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        probe.send("GET", cluster.managementUrl(service) + "/q/health/ready", null, Map.of(), null, null).status() == 503);
            }
            ReliabilityHttp.Answer ledger = probe.postJson(cluster.baseUrl(PlatformService.LEDGER) + "/api/v1/certificants/" + prefix
                    + "-probe/credits", staff, Map.of("Idempotency-Key", prefix + "-probe"), "{\"title\":\"Probe\",\"provider\":\"NSCA\","
                    + "\"providerKind\":\"MAJOR_FITNESS_ORGANIZATION\",\"category\":\"GENERAL\",\"completedOn\":\"2025-01-02\",\"amount\":1,"
                    + "\"unit\":\"CEC\",\"inScope\":true}");
            ReliabilityHttp.Answer renewal = probe.postJson(cluster.baseUrl(PlatformService.RENEWAL) + "/api/v1/certifications", staff,
                    Map.of(), "{\"certificantId\":\"" + prefix + "-probe\",\"credential\":\"GEI\",\"certifiedOn\":\"2025-01-02\"}");
            ReliabilityHttp.Answer audit = probe.postJson(cluster.baseUrl(PlatformService.AUDIT) + "/api/v1/audits", staff, Map.of(),
                    "{\"renewalId\":\"" + UUID.randomUUID() + "\"}");
            System.out.printf("Database fault: PostgreSQL stopped after %d of %d writes; writes answered ledger %d (Retry-After %s),"
                            + " renewal %d (Retry-After %s), audit %d (Retry-After %s)%n", writesWhenStopped, WRITES,
                    ledger.status(), ledger.header("Retry-After"), renewal.status(), renewal.header("Retry-After"),
                    audit.status(), audit.header("Retry-After"));
            for (ReliabilityHttp.Answer answer : new ReliabilityHttp.Answer[]{ledger, renewal, audit}) {
                assertThat(answer.status()).as("a write while the database is away: %s", answer.body()).isEqualTo(503);
                assertThat(answer.header("Retry-After")).as("Retry-After").isNotBlank();
            }
        } finally {
            cluster.startPostgres();
        }
        cluster.awaitReady(READY);
        stream.get(10, TimeUnit.MINUTES);
        workload.close();

        ReliabilityVerdict verdict = new ReliabilityVerdict(cluster, workload).awaitQuiet(Duration.ofMinutes(5)).compare();
        System.out.println(verdict.describe(String.format("Database fault: %d writes, PostgreSQL stopped once (prefix %s); probe answers %s",
                WRITES, prefix, probe.countsByStatus()), 1));
        assertThat(probe.unexpected5xx()).as("5xx other than 503 from the probes").isZero();
        verdict.assertNothingLostOrDuplicated();
    }
}
