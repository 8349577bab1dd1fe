package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.renewal.Fixtures.dec;
import static org.cecplatform.renewal.Fixtures.decimal;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.testsupport.TestClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /certificants/{id}/certifications?asOf=}: the view as it stood at the end of a past day (New York), from
 * the person's events and the ledger's and audits' times, not from the current rows.
 */
@QuarkusTest
class CertificationsAsOfApiTest {

    @RegisterExtension
    final TestClock clock = new TestClock();

    static ValidatableResponse asOf(String person, String day) {
        return given().auth().oauth2(TestTokens.staff()).queryParam("asOf", day)
                .when().get("/api/v1/certificants/" + person + "/certifications").then();
    }

    private static void earned(UUID creditId, String person, String completedOn, String cecs, String recordedAt) {
        Fixtures.publishLedgerEvent(person, EventTypes.CEC_EARNED,
                Fixtures.earnedJson(creditId, person, completedOn, "GENERAL", cecs, recordedAt));
    }

    private static void voided(UUID creditId, String person, String completedOn, String cecs, String voidedAt) {
        Fixtures.publishLedgerEvent(person, EventTypes.CEC_VOIDED,
                Fixtures.voidedJson(creditId, person, completedOn, "GENERAL", cecs, voidedAt));
    }

    private static void awaitTracked(String person, String credential, String cecs) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.tracked(person, credential).compareTo(dec(cecs)) == 0);
    }

    @Test
    void aVoidedCreditCountsUntilTheDayItWasVoided_andNothingBeforeTheGrantWasRecorded() {
        clock.set(newYork("2026-03-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2026-03-01").statusCode(201);
        clock.set(newYork("2026-06-01T10:00"));
        UUID credit = UUID.randomUUID();
        earned(credit, person, "2026-04-01", "10", "2026-04-02T15:00:00Z");
        awaitTracked(person, "CPT", "10");
        voided(credit, person, "2026-04-01", "10", "2026-05-10T15:00:00Z"); // 11:00 in New York
        awaitTracked(person, "CPT", "0");

        asOf(person, "2026-02-28").statusCode(200).body("asOf", equalTo("2026-02-28"))
                .body("certifications", empty());
        asOf(person, "2026-04-01").statusCode(200).body("certifications[0].cecsTracked", decimal("0.0"));
        asOf(person, "2026-04-02").statusCode(200).body("asOf", equalTo("2026-04-02"))
                .body("certifications[0].status", equalTo("ACTIVE"))
                .body("certifications[0].cecsTracked", decimal("10.0"))
                .body("certifications[0].cecsRemaining", decimal("35.0"));
        asOf(person, "2026-05-09").statusCode(200).body("certifications[0].cecsTracked", decimal("10.0"));
        asOf(person, "2026-05-10").statusCode(200).body("certifications[0].cecsTracked", decimal("0.0"))
                .body("certifications[0].cecsRemaining", decimal("45.0"));
    }

    @Test
    void beforeARenewalTheOldCycleWithItsCredits_fromTheRenewalDayTheNewCycle() {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        earned(UUID.randomUUID(), person, "2025-04-01", "30", "2027-06-01T15:00:00Z");
        awaitTracked(person, "CPT", "30");

        clock.set(newYork("2027-09-15T10:00"));
        Fixtures.renew(person, Fixtures.form(List.of("CPT"), "45", "2027-01-10", "2029-01-10")).statusCode(200)
                .body("cycleStart", equalTo("2028-01-01"));

        asOf(person, "2027-09-14").statusCode(200)
                .body("certifications[0].status", equalTo("ACTIVE"))
                .body("certifications[0].cycleStart", equalTo("2024-05-10"))
                .body("certifications[0].cycleEnd", equalTo("2027-12-31"))
                .body("certifications[0].cecsTracked", decimal("30.0"))
                .body("certifications[0].daysLeft", decimal("108"))
                .body("certifications[0].renewable", equalTo(true))
                .body("certifications[0].cycles", hasSize(1));
        asOf(person, "2027-09-15").statusCode(200)
                .body("certifications[0].status", equalTo("ACTIVE"))
                .body("certifications[0].cycleStart", equalTo("2028-01-01"))
                .body("certifications[0].cycleEnd", equalTo("2030-12-31"))
                .body("certifications[0].cecsTracked", decimal("0.0"))
                .body("certifications[0].renewable", equalTo(false))
                .body("certifications[0].cycles.origin", contains("GRANT", "RENEWAL"));
    }

    @Test
    void aLapsedCertificationWasActiveUntilItsCycleEnded_inGraceUntilJune_thenLapsed() {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        clock.set(newYork("2028-08-01T10:00"));
        Fixtures.runJob("certification-status").statusCode(200);
        Fixtures.certifications(person).statusCode(200).body("certifications[0].status", equalTo("LAPSED"));

        asOf(person, "2027-12-31").statusCode(200).body("certifications[0].status", equalTo("ACTIVE"))
                .body("certifications[0].daysLeft", decimal("0"));
        asOf(person, "2028-01-01").statusCode(200).body("certifications[0].status", equalTo("GRACE"))
                .body("certifications[0].renewalKind", equalTo("LATE_RENEWAL"));
        asOf(person, "2028-06-30").statusCode(200).body("certifications[0].status", equalTo("GRACE"));
        asOf(person, "2028-07-01").statusCode(200).body("certifications[0].status", equalTo("LAPSED"))
                .body("certifications[0].renewalKind", equalTo("REINSTATEMENT"));
    }

    @Test
    void beforeAReinstatementTheLapsedCycle_fromItsDayTheReinstatedCycleWithTheGap() {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);

        clock.set(newYork("2029-05-10T10:00"));
        Fixtures.renew(person, Fixtures.form(List.of("CPT"), "45", "2029-01-10", "2031-01-10")).statusCode(200)
                .body("kind", equalTo("REINSTATEMENT"));

        asOf(person, "2029-05-09").statusCode(200)
                .body("certifications[0].status", equalTo("LAPSED"))
                .body("certifications[0].cycleEnd", equalTo("2027-12-31"))
                .body("certifications[0].renewalKind", equalTo("REINSTATEMENT"))
                .body("certifications[0].cycles", hasSize(1));
        asOf(person, "2029-05-10").statusCode(200)
                .body("certifications[0].status", equalTo("ACTIVE"))
                .body("certifications[0].cycleStart", equalTo("2029-05-10"))
                .body("certifications[0].cycleEnd", equalTo("2032-12-31"))
                .body("certifications[0].cycles[1].origin", equalTo("REINSTATEMENT"))
                .body("certifications[0].cycles[1].gapFrom", equalTo("2028-01-01"))
                .body("certifications[0].cycles[1].gapTo", equalTo("2029-05-09"));
    }

    @Test
    void aReplacementCreditAnAuditCountedLeavesTheNextCycleOnlyFromTheDecision() {
        clock.set(newYork("2027-02-20T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        earned(UUID.randomUUID(), person, "2025-04-01", "45", "2027-02-20T15:00:00Z");
        awaitTracked(person, "CPT", "45");
        String renewalId = Fixtures.renew(person, Fixtures.form(List.of("CPT"), "45", "2027-01-10", "2029-01-10"))
                .statusCode(200).extract().path("renewalId");
        UUID replacement = UUID.randomUUID();
        earned(replacement, person, "2027-04-10", "15", "2027-04-10T16:00:00Z");
        earned(UUID.randomUUID(), person, "2027-04-11", "10", "2027-04-11T16:00:00Z");
        clock.set(newYork("2027-05-01T10:00"));
        awaitTracked(person, "CPT", "25");

        String passed = "{\"auditId\":\"" + UUID.randomUUID() + "\",\"renewalId\":\"" + renewalId
                + "\",\"certificantId\":\"" + person + "\",\"credentials\":[\"CPT\"],\"outcome\":\"PASSED\","
                + "\"cecsAccepted\":45,\"cecsDisallowed\":15,\"remediationDueOn\":null,\"notes\":null,"
                + "\"decidedBy\":\"auditor-1\",\"decidedAt\":\"2027-04-25T16:00:00Z\",\"validUntil\":\"2030-12-31\","
                + "\"replacementCreditIds\":[\"" + replacement + "\"]}";
        Fixtures.publish(Topics.AUDITS, person, UUID.randomUUID().toString(), EventTypes.AUDIT_DECIDED,
                "/cec-platform/audit-service", passed);
        awaitTracked(person, "CPT", "10");

        asOf(person, "2027-04-10").statusCode(200).body("certifications[0].cecsTracked", decimal("15.0"));
        asOf(person, "2027-04-24").statusCode(200).body("certifications[0].cecsTracked", decimal("25.0"));
        asOf(person, "2027-04-25").statusCode(200).body("certifications[0].cecsTracked", decimal("10.0"));
    }

    @Test
    void asOfTodayIsTheLiveAnswer() {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        clock.set(newYork("2027-06-01T11:00"));
        grant(person, "GEI", "2025-02-01").statusCode(201);
        UUID voided = UUID.randomUUID();
        earned(voided, person, "2026-05-01", "5", "2027-06-01T15:00:00Z");
        voided(voided, person, "2026-05-01", "5", "2027-06-01T16:00:00Z");
        earned(UUID.randomUUID(), person, "2025-04-01", "30", "2027-06-01T15:00:00Z");
        Fixtures.publishLedgerEvent(person, EventTypes.CEC_EARNED, Fixtures.earnedJson(UUID.randomUUID(), person,
                "2026-03-01", "COMMITTEE_SERVICE", "12", "2027-06-01T15:00:00Z"));
        awaitTracked(person, "CPT", "38"); // 30 and the committee service's yearly cap of 8: the last one arrived

        clock.set(newYork("2027-09-15T10:00"));
        Fixtures.renew(person, Fixtures.form(List.of("CPT"), "45", "2027-01-10", "2029-01-10")).statusCode(200);

        String live = Fixtures.certifications(person).statusCode(200).extract().asString();
        String today = asOf(person, "2027-09-15").statusCode(200).extract().asString();
        assertThat(today).isEqualTo(live).contains("\"credential\":\"GEI\"").contains("\"cycleStart\":\"2028-01-01\"");
    }

    @Test
    void aDayAfterTodayOrNotADateIs422NamingAsOf() {
        clock.set(newYork("2027-06-01T23:30")); // 2 June in UTC, still 1 June in New York
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);

        asOf(person, "2027-06-01").statusCode(200).body("asOf", equalTo("2027-06-01"))
                .body("certifications", hasSize(1));
        asOf(person, "2027-06-02").statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("asOf"))
                .body("violations[0].message", containsString("the future is not known"));
        for (String bad : List.of("yesterday", "2027-02-30", "01/06/2027")) {
            asOf(person, bad).statusCode(422).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("asOf"));
        }
    }

    @Test
    void aCertificantReadsTheirOwnPastAndNobodyElses() {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);

        given().auth().oauth2(TestTokens.certificant(person)).queryParam("asOf", "2027-06-01")
                .when().get("/api/v1/certificants/" + person + "/certifications")
                .then().statusCode(200).body("certifications", hasSize(1));
        given().auth().oauth2(TestTokens.certificant(newPerson())).queryParam("asOf", "2027-06-01")
                .when().get("/api/v1/certificants/" + person + "/certifications")
                .then().statusCode(403);
    }
}
