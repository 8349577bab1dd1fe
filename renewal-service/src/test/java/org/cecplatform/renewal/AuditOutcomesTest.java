package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.renewal.Fixtures.dec;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditOutcomesTest {

    private static final String AUDIT_SERVICE = "/cec-platform/audit-service";

    @Inject
    ServiceClock clock;
    @Inject
    ObjectMapper json;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    private static String status(String person, String credential) {
        return (String) Fixtures.certification(person, credential).get("status");
    }

    private static void awaitStatus(String person, String credential, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(status(person, credential)));
    }

    private static String overdue(UUID audit, UUID renewal, String person, String credential) {
        return "{\"auditId\":\"" + audit + "\",\"renewalId\":" + (renewal == null ? "null" : "\"" + renewal + "\"")
                + ",\"certificantId\":\"" + person + "\",\"credentials\":[\"" + credential + "\"],"
                + "\"dueOn\":\"2025-03-01\",\"cureBy\":\"2026-03-01\",\"overdueAt\":\"2025-03-02T05:00:00Z\"}";
    }

    private static String cured(UUID audit, String person, String credential) {
        return "{\"auditId\":\"" + audit + "\",\"renewalId\":null,\"certificantId\":\"" + person + "\","
                + "\"credentials\":[\"" + credential + "\"],\"how\":\"PROOF_SUBMITTED\","
                + "\"curedAt\":\"2025-04-01T12:00:00Z\"}";
    }

    private static String decided(UUID audit, String person, String credential, String outcome) {
        return "{\"auditId\":\"" + audit + "\",\"renewalId\":null,\"certificantId\":\"" + person + "\","
                + "\"credentials\":[\"" + credential + "\"],\"outcome\":\"" + outcome + "\",\"cecsAccepted\":10,"
                + "\"cecsDisallowed\":35,\"remediationDueOn\":null,\"notes\":\"certificates missing\","
                + "\"decidedBy\":\"auditor-1\",\"decidedAt\":\"2025-05-01T12:00:00Z\"}";
    }

    private static String closed(UUID audit, String person, String credential, String result) {
        return "{\"auditId\":\"" + audit + "\",\"renewalId\":null,\"certificantId\":\"" + person + "\","
                + "\"credentials\":[\"" + credential + "\"],\"result\":\"" + result + "\",\"reason\":\"decided\","
                + "\"closedAt\":\"2025-05-01T12:00:00Z\"}";
    }

    private static void send(String person, String eventId, String type, String body) {
        Fixtures.publish(Topics.AUDITS, person, eventId, type, AUDIT_SERVICE, body);
    }

    @Test
    void replacementCecsAnAuditCountedTowardTheAuditedCycleAreLeftOutOfTheNextCycle() throws Exception {
        clock.set(newYork("2027-02-20T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-04-01", "GENERAL", "45");
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.tracked(person, "CPT").compareTo(dec("45")) == 0);
        String renewalId = Fixtures.renew(person, Fixtures.form(List.of("CPT"), "45", "2027-01-10", "2029-01-10")).statusCode(200).body("countedTo", equalTo("2027-02-20"))
                .extract().path("renewalId");
        UUID replacement = UUID.randomUUID();
        UUID ordinary = UUID.randomUUID();
        Fixtures.publishEarned(replacement, person, "2027-04-10", "GENERAL", "15");
        Fixtures.publishEarned(ordinary, person, "2027-04-11", "GENERAL", "10");
        clock.set(newYork("2027-05-01T10:00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.tracked(person, "CPT").compareTo(dec("25")) == 0);

        UUID audit = UUID.randomUUID();
        String passed = "{\"auditId\":\"" + audit + "\",\"renewalId\":\"" + renewalId + "\",\"certificantId\":\""
                + person + "\",\"credentials\":[\"CPT\"],\"outcome\":\"PASSED\",\"cecsAccepted\":45,"
                + "\"cecsDisallowed\":15,\"remediationDueOn\":null,\"notes\":null,\"decidedBy\":\"auditor-1\","
                + "\"decidedAt\":\"2027-04-25T12:00:00Z\",\"validUntil\":\"2030-12-31\","
                + "\"replacementCreditIds\":[\"" + replacement + "\"]}";
        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_DECIDED, passed);

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.tracked(person, "CPT").compareTo(dec("10")) == 0);
        assertThat(status(person, "CPT")).isEqualTo("ACTIVE");
    }

    @Test
    void anOverdueAuditMakesTheCertificationInactiveUntilItIsCuredAndAReplayChangesNothing() throws Exception {
        clock.set(newYork("2025-03-05T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        grant(person, "GEI", "2024-05-10").statusCode(201);
        UUID audit = UUID.randomUUID();
        String overdueId = UUID.randomUUID().toString();

        send(person, overdueId, EventTypes.AUDIT_OVERDUE, overdue(audit, UUID.randomUUID(), person, "CPT"));
        awaitStatus(person, "CPT", "INACTIVE");
        Fixtures.certifications(person).statusCode(200)
                .body("certifications[0].renewable", org.hamcrest.Matchers.equalTo(false))
                .body("certifications[0].reasons[0]", org.hamcrest.Matchers.containsString("audit proof is overdue"));

        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_CURED, cured(audit, person, "CPT"));
        awaitStatus(person, "CPT", "ACTIVE");

        // The same overdue event again (a replay of the audit topic), then a marker for GEI on the same partition.
        send(person, overdueId, EventTypes.AUDIT_OVERDUE, overdue(audit, UUID.randomUUID(), person, "CPT"));
        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_OVERDUE,
                overdue(UUID.randomUUID(), null, person, "GEI"));
        awaitStatus(person, "GEI", "INACTIVE");
        assertThat(status(person, "CPT")).isEqualTo("ACTIVE");

        List<ConsumerRecord<String, String>> changes =
                Fixtures.published(person, EventTypes.CERTIFICATION_STATUS_CHANGED, 3);
        assertThat(changes).hasSize(3);
        JsonNode first = json.readTree(changes.get(0).value());
        assertThat(first.get("credential").asText()).isEqualTo("CPT");
        assertThat(first.get("from").asText()).isEqualTo("ACTIVE");
        assertThat(first.get("to").asText()).isEqualTo("INACTIVE");
        assertThat(first.get("reason").asText()).contains(audit.toString()).contains("overdue");
        assertThat(first.get("effectiveOn").asText()).isEqualTo("2025-03-05");
        JsonNode second = json.readTree(changes.get(1).value());
        assertThat(second.get("from").asText() + "->" + second.get("to").asText()).isEqualTo("INACTIVE->ACTIVE");
    }

    @Test
    void whileInactiveTheCalendarDoesNotMoveTheStatusAndACureAppliesTheCalendarsStatus() {
        clock.set(newYork("2027-03-05T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        UUID audit = UUID.randomUUID();
        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_OVERDUE, overdue(audit, null, person, "CPT"));
        awaitStatus(person, "CPT", "INACTIVE");

        clock.set(newYork("2028-08-01T10:00"));
        Fixtures.runJob("certification-status").statusCode(200);
        assertThat(status(person, "CPT")).isEqualTo("INACTIVE");

        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_CURED, cured(audit, person, "CPT"));
        awaitStatus(person, "CPT", "LAPSED");
    }

    @Test
    void aFailedDecisionRevokesForGoodAndTheClosingEventChangesNothingMore() {
        clock.set(newYork("2025-05-02T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        UUID audit = UUID.randomUUID();

        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_DECIDED, decided(audit, person, "CPT", "FAILED"));
        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_CLOSED, closed(audit, person, "CPT", "FAILED"));
        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_CURED, cured(audit, person, "CPT"));
        awaitStatus(person, "CPT", "REVOKED");

        Fixtures.certifications(person).statusCode(200)
                .body("certifications[0].reasons[0]", org.hamcrest.Matchers.containsString("revoked"));
        assertThat(Fixtures.published(person, EventTypes.CERTIFICATION_STATUS_CHANGED, 1)).hasSize(1);
        assertThat(Fixtures.allPublished(person, Duration.ofSeconds(2)))
                .filteredOn(r -> r.value().contains("\"to\"")).hasSize(1);
        clock.set(newYork("2027-03-01T10:00"));
        given().auth().oauth2(TestTokens.certificant(person))
                .when().get("/api/v1/certificants/" + person + "/renewal-quote?credentials=CPT")
                .then().statusCode(422);
        grant(person, "CPT", null).statusCode(201);
    }

    @Test
    void aClosedFailedAuditRevokesAndOtherAuditEventsChangeNothing() {
        clock.set(newYork("2025-05-02T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        grant(person, "GEI", "2024-05-10").statusCode(201);
        UUID audit = UUID.randomUUID();

        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_DECIDED, decided(audit, person, "CPT", "PASSED"));
        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_DECIDED,
                decided(audit, person, "CPT", "REMEDIATION"));
        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_CLOSED, closed(audit, person, "CPT", "PASSED"));
        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_OPENED, "{\"auditId\":\"" + audit + "\"}");
        send(person, UUID.randomUUID().toString(), EventTypes.AUDIT_CLOSED,
                closed(UUID.randomUUID(), person, "GEI", "FAILED"));

        awaitStatus(person, "GEI", "REVOKED");
        assertThat(status(person, "CPT")).isEqualTo("ACTIVE");
    }
}
