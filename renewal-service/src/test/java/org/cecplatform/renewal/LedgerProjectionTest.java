package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.renewal.Fixtures.dec;
import static org.cecplatform.renewal.Fixtures.decimal;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.cecplatform.renewal.Fixtures.tracked;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.PostgresTestResource;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LedgerProjectionTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    private static void awaitTracked(String person, String credential, String cecs) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> tracked(person, credential).compareTo(new BigDecimal(cecs)) >= 0);
        assertThat(tracked(person, credential)).isEqualByComparingTo(cecs);
    }

    @Test
    void creditsPublishedByTheLedgerMoveTheProgressWithCapsAndVoids() {
        clock.set(newYork("2027-12-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        UUID voided = UUID.randomUUID();

        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-01-10", "GENERAL", "12.5");
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-02-10", "COMMITTEE_SERVICE", "10");
        Fixtures.publishEarned(voided, person, "2025-03-10", "GENERAL", "9");
        Fixtures.publishVoided(voided, person, "2025-03-10", "GENERAL", "9");
        Fixtures.publishEarned(UUID.randomUUID(), person, "2024-05-01", "GENERAL", "50"); // before the certification
        Fixtures.publishEarned(UUID.randomUUID(), person, "2026-01-10", "CPR_AED_FIRST_AID", "2");

        awaitTracked(person, "CPT", "22.5"); // 12.5 + 8 (capped) + 2
        Fixtures.certifications(person).statusCode(200)
                .body("certifications[0].cecsRemaining", decimal("22.5"))
                .body("certifications[0].cecsTrackedByCategory.COMMITTEE_SERVICE", decimal("8.0"));
    }

    @Test
    void creditsThatArriveBeforeTheCertificationCountOnceItIsGranted() {
        clock.set(newYork("2025-06-01T10:00"));
        String person = newPerson();
        UUID marker = UUID.randomUUID();
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-05-20", "GENERAL", "4");
        Fixtures.publishEarned(marker, person, "2025-05-21", "GENERAL", "1");
        await().atMost(Duration.ofSeconds(30)).until(() -> creditStored(marker));

        grant(person, "GEI", "2025-05-01").statusCode(201).body("cecsTracked", decimal("5.0"));
    }

    @Test
    void replayingTheSameEventsWithTheSameIdsChangesNothing() {
        clock.set(newYork("2027-12-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstId = Fixtures.publishEarned(first, person, "2025-01-10", "GENERAL", "10");
        String secondId = Fixtures.publishEarned(second, person, "2025-02-10", "GENERAL", "5");
        awaitTracked(person, "CPT", "15");

        // The ledger's relay republishes after a crash: the same ce_ids again, then one new credit as a marker
        // (same key, same partition: once the marker counts, both copies were handled).
        Fixtures.publish(Topics.LEDGER, person, firstId, EventTypes.CEC_EARNED, "/cec-platform/ledger-service",
                Fixtures.earnedJson(first, person, "2025-01-10", "GENERAL", "10"));
        Fixtures.publish(Topics.LEDGER, person, secondId, EventTypes.CEC_EARNED, "/cec-platform/ledger-service",
                Fixtures.earnedJson(second, person, "2025-02-10", "GENERAL", "5"));
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-03-10", "GENERAL", "1");

        awaitTracked(person, "CPT", "16");
    }

    @Test
    void aVoidThatArrivesBeforeItsCreditKeepsTheCreditFromCounting() {
        clock.set(newYork("2027-12-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        UUID credit = UUID.randomUUID();

        Fixtures.publishVoided(credit, person, "2025-01-10", "GENERAL", "10");
        Fixtures.publishEarned(credit, person, "2025-01-10", "GENERAL", "10");
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-01-11", "GENERAL", "3"); // marker

        awaitTracked(person, "CPT", "3");
    }

    @Test
    void anUnreadableLedgerEventGoesToTheDeadLetterTopicAndTheNextOneCounts() {
        clock.set(newYork("2027-12-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        Fixtures.publish(Topics.LEDGER, person, UUID.randomUUID().toString(), EventTypes.CEC_EARNED,
                "/cec-platform/ledger-service", "{\"creditId\": \"" + UUID.randomUUID() + "\", \"verified\": false}");
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-01-11", "GENERAL", "3");

        awaitTracked(person, "CPT", "3");
        List<ConsumerRecord<String, String>> dead = TestKafka.read(Topics.deadLetter(Topics.LEDGER),
                r -> person.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).contains("CECEarned needs");
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_CONSUMER)).isEqualTo("renewal.ledger");
    }

    @Test
    void aRebuildReplaysTheTopicAndReproducesTheSameFigures() throws Exception {
        clock.set(newYork("2027-12-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        UUID voided = UUID.randomUUID();
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-01-10", "GENERAL", "12.5");
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-02-10", "COMMITTEE_SERVICE", "10");
        Fixtures.publishVoided(voided, person, "2025-03-10", "GENERAL", "9");
        Fixtures.publishEarned(voided, person, "2025-03-10", "GENERAL", "9");
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-04-10", "GENERAL", "1.5");
        awaitTracked(person, "CPT", "22");

        // A credit the ledger never published: a rebuild from the topic must drop it.
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres")) {
            c.createStatement().executeUpdate("insert into ledger_credit (credit_id, certificant_id, completed_on,"
                    + " category, cecs, earned) values ('" + UUID.randomUUID() + "', '" + person
                    + "', '2025-05-01', 'GENERAL', 7, true)");
        }
        assertThat(tracked(person, "CPT")).isEqualByComparingTo("29");

        given().auth().oauth2(TestTokens.staff()).when().post("/api/v1/admin/projections/ledger-credits/rebuild")
                .then().statusCode(202).body("state", equalTo("RUNNING"));
        JsonPath done = awaitRebuild();

        assertThat(done.getString("state")).isEqualTo("COMPLETED");
        assertThat(done.getLong("eventsTotal")).isGreaterThanOrEqualTo(5);
        assertThat(done.getLong("eventsDone")).isGreaterThanOrEqualTo(done.getLong("eventsTotal"));
        assertThat(done.getString("finishedAt")).isNotBlank();
        assertThat(tracked(person, "CPT")).isEqualByComparingTo("22");
        Fixtures.certifications(person).statusCode(200)
                .body("certifications[0].cecsTrackedByCategory.COMMITTEE_SERVICE", decimal("8.0"));

        // The live consumer goes on after a rebuild, and a replay of an old event still counts once.
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-06-10", "GENERAL", "2");
        awaitTracked(person, "CPT", "24");
    }

    @Test
    void onlyStaffRebuildAndAuditorsMayWatch() {
        given().auth().oauth2(TestTokens.auditor()).when().post("/api/v1/admin/projections/ledger-credits/rebuild")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/admin/projections/ledger-credits/rebuild")
                .then().statusCode(200).body("projection", equalTo("ledger-credits"));
        given().auth().oauth2(TestTokens.certificant("c-1")).when().get("/api/v1/admin/projections/ledger-credits/rebuild")
                .then().statusCode(403);
    }

    private static JsonPath awaitRebuild() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> !"RUNNING".equals(
                given().auth().oauth2(TestTokens.staff()).when().get("/api/v1/admin/projections/ledger-credits/rebuild")
                        .then().statusCode(200).extract().path("state")));
        return given().auth().oauth2(TestTokens.staff()).when().get("/api/v1/admin/projections/ledger-credits/rebuild")
                .then().statusCode(200).extract().jsonPath();
    }

    private static boolean creditStored(UUID creditId) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
             var s = c.prepareStatement("select count(*) from ledger_credit where credit_id = ?")) {
            s.setObject(1, creditId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }
}
