package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.renewal.Fixtures.dec;
import static org.cecplatform.renewal.Fixtures.decimal;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The explained progress, on credits the ledger published and an audit's replacement, read through the API. */
@QuarkusTest
class ProgressApiTest {

    private static final String AUDIT_SERVICE = "/cec-platform/audit-service";

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    private static ValidatableResponse progress(String token, String person, String credential) {
        return given().auth().oauth2(token)
                .when().get("/api/v1/certificants/" + person + "/certifications/" + credential + "/progress").then();
    }

    private static String credit(UUID creditId) {
        return "credits.find { it.creditId == '" + creditId + "' }.";
    }

    private static void awaitTracked(String person, String cecs) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Fixtures.tracked(person, "CPT").compareTo(dec(cecs)) == 0);
    }

    @Test
    void everyCreditIsExplainedWithTheReasonItCountedOrNotAndTheTotalsAreTheCertificationsView() {
        clock.set(newYork("2027-02-20T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        UUID beforeCertification = UUID.randomUUID();
        UUID renewedCycle = UUID.randomUUID();
        Fixtures.publishEarned(beforeCertification, person, "2024-05-01", "GENERAL", "50");
        Fixtures.publishEarned(renewedCycle, person, "2025-04-01", "GENERAL", "45");
        awaitTracked(person, "45");
        String renewalId = Fixtures.renew(person, Fixtures.form(List.of("CPT"), "45", "2027-01-10", "2029-01-10"))
                .statusCode(200).body("countedTo", equalTo("2027-02-20")).extract().path("renewalId");

        UUID replacement = UUID.randomUUID();
        UUID ordinary = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        UUID afterToday = UUID.randomUUID();
        UUID committee = UUID.randomUUID();
        Fixtures.publishEarned(replacement, person, "2027-04-10", "GENERAL", "15");
        Fixtures.publishEarned(ordinary, person, "2027-04-11", "GENERAL", "10");
        Fixtures.publishEarned(voided, person, "2027-04-12", "GENERAL", "9");
        Fixtures.publishVoided(voided, person, "2027-04-12", "GENERAL", "9");
        Fixtures.publishEarned(afterToday, person, "2027-06-01", "GENERAL", "7");
        Fixtures.publishEarned(committee, person, "2027-04-20", "COMMITTEE_SERVICE", "10"); // 8 a calendar year
        clock.set(newYork("2027-05-01T10:00"));
        awaitTracked(person, "33"); // 15 + 10 + 8: every ledger event above is in
        String passed = "{\"auditId\":\"" + UUID.randomUUID() + "\",\"renewalId\":\"" + renewalId
                + "\",\"certificantId\":\"" + person + "\",\"credentials\":[\"CPT\"],\"outcome\":\"PASSED\","
                + "\"cecsAccepted\":45,\"cecsDisallowed\":15,\"remediationDueOn\":null,\"notes\":null,"
                + "\"decidedBy\":\"auditor-1\",\"decidedAt\":\"2027-04-25T12:00:00Z\",\"validUntil\":\"2030-12-31\","
                + "\"replacementCreditIds\":[\"" + replacement + "\"]}";
        Fixtures.publish(Topics.AUDITS, person, UUID.randomUUID().toString(), EventTypes.AUDIT_DECIDED,
                AUDIT_SERVICE, passed);
        awaitTracked(person, "18");

        progress(TestTokens.certificant(person), person, "cpt").statusCode(200)
                .body("credential", equalTo("CPT"))
                .body("cycleNumber", equalTo(2))
                .body("countedFrom", equalTo("2027-02-21"))
                .body("countedTo", equalTo("2027-05-01"))
                .body("cecsRequired", decimal("45"))
                .body("cecsCounted", decimal("18"))
                .body("cecsRemaining", decimal("27"))
                .body("categories.category", contains("COMMITTEE_SERVICE", "GENERAL"))
                .body("categories.find { it.category == 'COMMITTEE_SERVICE' }.cecsReported", decimal("10"))
                .body("categories.find { it.category == 'COMMITTEE_SERVICE' }.cecsCounted", decimal("8"))
                .body("categories.find { it.category == 'COMMITTEE_SERVICE' }.capPerYear", decimal("8"))
                .body("categories.find { it.category == 'COMMITTEE_SERVICE' }.capPerCycle", decimal("24"))
                .body("categories.find { it.category == 'GENERAL' }.cecsCounted", decimal("10"))
                .body("categories.find { it.category == 'GENERAL' }.capPerYear", nullValue())
                .body("credits", hasSize(7))
                .body(credit(beforeCertification) + "reason", equalTo("OUTSIDE_WINDOW"))
                .body(credit(beforeCertification) + "cecsCounted", decimal("0"))
                .body(credit(renewedCycle) + "reason", equalTo("COUNTED_BY_EARLIER_RENEWAL"))
                .body(credit(renewedCycle) + "detail", containsString(renewalId))
                .body(credit(replacement) + "reason", equalTo("REMEDIATION_REPLACEMENT"))
                .body(credit(replacement) + "cecsReported", decimal("15"))
                .body(credit(replacement) + "cecsCounted", decimal("0"))
                .body(credit(ordinary) + "reason", equalTo("COUNTED"))
                .body(credit(ordinary) + "cecsCounted", decimal("10"))
                .body(credit(voided) + "reason", equalTo("VOIDED"))
                .body(credit(afterToday) + "reason", equalTo("OUTSIDE_WINDOW"))
                .body(credit(afterToday) + "detail", containsString("after the counting window"))
                .body(credit(committee) + "reason", equalTo("CAP_REACHED"))
                .body(credit(committee) + "cecsReported", decimal("10"))
                .body(credit(committee) + "cecsCounted", decimal("8"));
        Fixtures.certifications(person).statusCode(200)
                .body("certifications[0].cecsTracked", decimal("18"))
                .body("certifications[0].cecsTrackedByCategory.COMMITTEE_SERVICE", decimal("8"))
                .body("certifications[0].cecsTrackedByCategory.GENERAL", decimal("10"));

        // The renewed cycle, as its renewal counted it: up to the request day, 20 February 2027
        progressOf(person, "1").statusCode(200)
                .body("cycleNumber", equalTo(1))
                .body("countedFrom", equalTo("2024-05-10"))
                .body("countedTo", equalTo("2027-02-20"))
                .body("cecsCounted", decimal("45"))
                .body("credits", hasSize(7))
                .body(credit(renewedCycle) + "reason", equalTo("COUNTED"))
                .body(credit(beforeCertification) + "reason", equalTo("OUTSIDE_WINDOW"))
                .body(credit(ordinary) + "reason", equalTo("AFTER_RENEWAL_REQUEST"))
                .body(credit(ordinary) + "detail", allOf(containsString(renewalId), containsString("2027-02-20"),
                        containsString("cycle 2")))
                .body(credit(afterToday) + "reason", equalTo("AFTER_RENEWAL_REQUEST"))
                .body(credit(voided) + "reason", equalTo("VOIDED"));
        progressOf(person, "2").statusCode(200).body("cycleNumber", equalTo(2)).body("cecsCounted", decimal("18"));
        progressOf(person, "3").statusCode(404).contentType("application/problem+json");
        progressOf(person, "0").statusCode(422).body("violations.field", contains("cycle"));
        progressOf(person, "first").statusCode(422).body("violations.field", contains("cycle"));
    }

    private static ValidatableResponse progressOf(String person, String cycle) {
        return given().auth().oauth2(TestTokens.staff()).queryParam("cycle", cycle)
                .when().get("/api/v1/certificants/" + person + "/certifications/CPT/progress").then();
    }

    @Test
    void anotherCertificantIsRefusedAndStaffAndAuditorsMayRead() {
        clock.set(newYork("2025-03-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2025-01-15").statusCode(201);

        progress(TestTokens.certificant(newPerson()), person, "CPT").statusCode(403);
        progress(TestTokens.staff(), person, "CPT").statusCode(200).body("cecsCounted", decimal("0"))
                .body("credits", hasSize(0));
        progress(TestTokens.auditor(), person, "CPT").statusCode(200);
    }

    @Test
    void aCredentialNeverHeldIs404AndAnUnknownOneOrABadIdIs422() {
        clock.set(newYork("2025-03-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2025-01-15").statusCode(201);

        progress(TestTokens.staff(), person, "GEI").statusCode(404).contentType("application/problem+json");
        progress(TestTokens.staff(), person, "NOPE").statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("credential"));
        progress(TestTokens.staff(), "bad%20id", "CPT").statusCode(422)
                .body("violations.field", contains("certificantId"));
    }
}
