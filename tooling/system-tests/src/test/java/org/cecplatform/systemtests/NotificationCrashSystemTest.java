package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.systemtests.SystemUnderTest.CERTIFICANT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * kill -9 of the notification-service while it sends loses no notice: after the restart every notice is sent, each
 * Message-ID arrives at least once, and the only copy is of the one notice in flight (same Message-ID, so a receiving
 * server can drop it).
 */
@SystemTest
class NotificationCrashSystemTest {

    /** More than one sender run takes (batch 50): the run killed cannot have sent them all. */
    private static final int PEOPLE = 60;
    /** The notice-sender's summary of a run that found nothing due. */
    private static final String NOTHING_DUE = "sent 0, not sent (yet) 0";
    private static final Duration READY = Duration.ofSeconds(240);

    @AfterEach
    void everythingRunsAgain(SystemUnderTest sut) throws Exception {
        sut.cluster().startServices();
        sut.cluster().awaitReady(READY);
    }

    @Test
    void aKillDuringSendingLosesNoNotice_andRepeatsAtMostTheOneInFlight(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        ReliabilityDatabases db = new ReliabilityDatabases(cluster);
        String prefix = "NK" + UUID.randomUUID().toString().substring(0, 6);
        // On the system time: a restarted service's clock starts there, and the notices must be due for it.
        String today = LocalDate.now(Certificant.POLICY_ZONE).toString();
        // The shared stack's jobs are off, so the other tests' notices (most of their people have no address) are
        // still due: the sender's runs put them aside first, so that the run below sends this test's batch.
        await("the other tests' notices out of the way").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> NOTHING_DUE.equals(sut.runJob(PlatformService.NOTIFICATION, "notice-sender").getString("summary")));
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String person = prefix + "-" + i;
            String email = person.toLowerCase() + "@example.org";
            addresses.add(email);
            sut.request(PlatformService.NOTIFICATION, CERTIFICANT, person).contentType(ContentType.JSON)
                    .body(Map.of("email", email)).put("/api/v1/certificants/{id}/contact", person).then().statusCode(200);
            sut.renewal(SystemUnderTest.STAFF, "registrar").contentType(ContentType.JSON)
                    .body(Map.of("certificantId", person, "credential", "CPT", "certifiedOn", today))
                    .post("/api/v1/certifications").then().statusCode(201);
        }
        await("every grant recorded as a notice").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> pending(db, prefix) == PEOPLE);

        // the sender runs (on demand: the stack's jobs are off); the service is killed once mail is arriving
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                sut.runJob(PlatformService.NOTIFICATION, "notice-sender");
            } catch (Throwable killed) {
                // its answer never comes: the service is killed while it sends (RestAssured throws the I/O error unchecked)
            }
        });
        await("the first mail").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> mailTo(sut, prefix).size() >= 1);
        cluster.killService(PlatformService.NOTIFICATION);
        int sentBeforeTheKill = mailTo(sut, prefix).size();
        sending.join();
        System.out.printf("[notification crash] killed after %d of %d mails%n", sentBeforeTheKill, PEOPLE);
        assertThat(sentBeforeTheKill).as("killed while the run sent its batch of 50").isLessThan(50);

        cluster.startService(PlatformService.NOTIFICATION);
        cluster.awaitReady(PlatformService.NOTIFICATION, READY);
        await("every notice sent").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            sut.runJob(PlatformService.NOTIFICATION, "notice-sender");
            return pending(db, prefix) == 0;
        });

        assertThat(db.count(ReliabilityDatabases.NOTIFICATION, "select count(*) from notice where certificant_id like ? and status = 'SENT'", prefix + "-%"))
                .isEqualTo(PEOPLE);
        List<JsonNode> mail = mailTo(sut, prefix);
        Map<String, Long> copies = mail.stream().collect(Collectors.groupingBy(m -> m.path("messageId").asText(), Collectors.counting()));
        assertThat(copies).as("one Message-ID per notice").hasSize(PEOPLE);
        assertThat(mail.stream().map(m -> m.path("to").get(0).asText()).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(addresses);
        assertThat(copies.values().stream().filter(n -> n > 1).toList()).as("copies: only the one in flight, twice at most")
                .hasSizeLessThanOrEqualTo(1).allSatisfy(n -> assertThat(n).isEqualTo(2L));
    }

    private static long pending(ReliabilityDatabases db, String prefix) {
        return db.count(ReliabilityDatabases.NOTIFICATION, "select count(*) from notice where certificant_id like ? and status = 'PENDING'", prefix + "-%");
    }

    /** The mail of this test's people, as the stack's SMTP server lists it. */
    private static List<JsonNode> mailTo(SystemUnderTest sut, String prefix) {
        JsonNode all = Certificant.json(RestAssured.given().get(sut.cluster().mailboxUrl()).then().statusCode(200).extract().response());
        Function<JsonNode, String> to = m -> m.path("to").get(0).asText();
        List<JsonNode> ours = new ArrayList<>();
        all.path("messages").forEach(m -> {
            if (to.apply(m).startsWith(prefix.toLowerCase() + "-")) {
                ours.add(m);
            }
        });
        return ours;
    }
}
