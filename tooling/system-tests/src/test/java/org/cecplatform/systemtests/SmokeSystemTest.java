package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cecplatform.systemtests.SystemUnderTest.CERTIFICANT;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The three packaged services start together on real infrastructure and accept the stack's tokens. */
@SystemTest
class SmokeSystemTest {

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    void everyServiceIsReady(PlatformService service, SystemUnderTest sut) {
        sut.management(service).get("/q/health/ready").then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    void healthAndMetricsAreOnTheManagementPortOnly(PlatformService service, SystemUnderTest sut) {
        sut.management(service).get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
        sut.request(service).get("/q/health/ready").then().statusCode(404);
        sut.request(service).get("/q/metrics").then().statusCode(404);
        sut.request(service).get("/q/openapi").then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    void aStaffTokenFromTheStacksKeyIsAccepted(PlatformService service, SystemUnderTest sut) {
        sut.request(service, STAFF, "alice").get("/api/v1/admin/jobs").then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    void aCertificantMayNotListJobs(PlatformService service, SystemUnderTest sut) {
        sut.request(service, CERTIFICANT, "C-000001").get("/api/v1/admin/jobs").then().statusCode(403);
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    void noTokenIsUnauthorized(PlatformService service, SystemUnderTest sut) {
        sut.request(service).get("/api/v1/admin/jobs").then().statusCode(401);
    }

    @Test
    void theClockCanBeSetOnAllThree(SystemUnderTest sut) {
        Instant then = Instant.parse("2027-03-01T12:00:00Z");
        try {
            sut.setClockEverywhere(then);
            for (PlatformService service : PlatformService.values()) {
                Instant now = Instant.parse(sut.request(service, STAFF, "alice").get("/api/v1/admin/clock")
                        .then().statusCode(200).extract().path("now"));
                assertThat(now).as(service + "'s clock").isBetween(then, then.plus(Duration.ofMinutes(2)));
            }
        } finally {
            sut.resetClockEverywhere();
        }
        Instant now = Instant.parse(sut.ledger(STAFF, "alice").get("/api/v1/admin/clock").then().extract().path("now"));
        assertThat(now).as("back on the system time").isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void everyTopicOfTheProductAndItsDeadLetterTopicHasSixPartitions(SystemUnderTest sut) throws Exception {
        List<String> expected = new ArrayList<>();
        for (String topic : Topics.ALL) {
            expected.add(topic);
            expected.add(Topics.deadLetter(topic));
        }
        try (Admin admin = Admin.create(sut.cluster().kafkaLogins().asOperator())) {
            Map<String, TopicDescription> topics = admin.describeTopics(expected).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics).containsOnlyKeys(expected);
            topics.forEach((name, description) -> assertThat(description.partitions()).as(name).hasSize(6));
            System.out.printf("[smoke] %d topics with 6 partitions each: %s%n", topics.size(), String.join(", ", topics.keySet()));
        }
    }

    @Test
    void theStackGivesTheServicesOnlyVariablesTheyRead(SystemUnderTest sut) {
        ServiceConfiguration configuration = ServiceConfiguration.of(RepoRoot.path());
        for (PlatformService service : PlatformService.values()) {
            assertThat(sut.cluster().environment(service).keySet()).as(service + " environment")
                    .allMatch(configuration::reads, "is read by the services");
        }
    }

    @Test
    void everyServiceReportsItsMemory(SystemUnderTest sut) {
        long total = 0;
        StringBuilder line = new StringBuilder(String.format("[smoke] started in %.1f s; RSS:", sut.startSeconds()));
        for (PlatformService service : PlatformService.values()) {
            long kb = sut.cluster().rssKb(service);
            assertThat(kb).as(service + " RSS").isPositive();
            total += kb;
            line.append(String.format(" %s %d MB,", service, kb / 1024));
        }
        line.append(String.format(" services total %d MB", total / 1024));
        sut.cluster().kafkaRssKb().ifPresent(kb -> line.append(String.format("; Kafka broker (child process) %d MB", kb / 1024)));
        System.out.println(line);
    }
}
