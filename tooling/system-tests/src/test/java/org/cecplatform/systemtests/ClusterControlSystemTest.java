package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.cecplatform.localstack.KafkaLogins;
import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's controls work on the real thing: a killed or restarted service comes back on its port, the services
 * report not ready while Kafka or PostgreSQL is away and recover when it is back, and a broker killed with kill -9
 * keeps what it had acknowledged. Each test leaves the whole stack running and ready for the other test classes.
 */
@SystemTest
class ClusterControlSystemTest {

    private static final Duration READY = Duration.ofSeconds(180);
    /** A readiness probe's patience: no answer in this time counts as not ready. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    /** Not a topic of the product: nothing consumes it, so these records disturb no other test. */
    private static final String PROBE_TOPIC = "system-test.broker-restart";

    @AfterEach
    void everythingRunsAgain(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        if (!cluster.isPostgresRunning()) {
            cluster.startPostgres();
        }
        if (!cluster.isKafkaRunning()) {
            cluster.startKafka();
        }
        cluster.startServices();
        cluster.awaitReady(READY);
    }

    @Test
    void aKilledServiceComesBackOnItsPort(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        long pid = cluster.pid(PlatformService.LEDGER);

        cluster.killService(PlatformService.LEDGER);

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process %d", pid).isEmpty();
        assertThat(cluster.isRunning(PlatformService.LEDGER)).isFalse();
        assertThatThrownBy(() -> sut.management(PlatformService.LEDGER).get("/q/health/live")).isInstanceOf(ConnectException.class);

        cluster.startService(PlatformService.LEDGER);
        cluster.awaitReady(PlatformService.LEDGER, READY);

        assertThat(cluster.pid(PlatformService.LEDGER)).isNotEqualTo(pid);
        sut.ledger(STAFF, "alice").get("/api/v1/admin/jobs").then().statusCode(200);
    }

    @Test
    void aRestartedServiceRunsInANewProcess(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        long pid = cluster.pid(PlatformService.RENEWAL);

        cluster.restartService(PlatformService.RENEWAL);
        cluster.awaitReady(PlatformService.RENEWAL, READY);

        assertThat(cluster.pid(PlatformService.RENEWAL)).isNotEqualTo(pid);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        sut.renewal(STAFF, "alice").get("/api/v1/admin/jobs").then().statusCode(200);
    }

    @Test
    void aBrokerKilledWithKill9KeepsWhatItAcknowledged(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        createProbeTopic(cluster.kafkaLogins());
        String key = "probe-" + UUID.randomUUID();
        sut.produce(PROBE_TOPIC, key, "{\"acknowledged\":true}");
        long pid = cluster.kafkaPid().orElseThrow();

        cluster.killKafka();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("broker process %d", pid).isEmpty();
        await("audit-service not ready without Kafka").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !sut.isReady(PlatformService.AUDIT, PROBE_TIMEOUT));

        cluster.startKafka();
        cluster.awaitReady(READY);

        assertThat(sut.read(PROBE_TOPIC, r -> key.equals(r.key()), 1, Duration.ofSeconds(60))).hasSize(1);
    }

    @Test
    void servicesAreNotReadyWithoutPostgresAndRecoverWhenItIsBack(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();

        cluster.stopPostgres();

        await("ledger-service not ready without PostgreSQL").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !sut.isReady(PlatformService.LEDGER, PROBE_TIMEOUT));

        cluster.startPostgres();
        cluster.awaitReady(READY);

        sut.ledger(STAFF, "alice").get("/api/v1/admin/jobs").then().statusCode(200);
    }

    private static void createProbeTopic(KafkaLogins logins) throws Exception {
        try (Admin admin = Admin.create(logins.asOperator())) {
            admin.createTopics(List.of(new NewTopic(PROBE_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
