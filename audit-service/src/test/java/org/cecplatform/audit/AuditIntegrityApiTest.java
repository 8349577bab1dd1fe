package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.audit;
import static org.cecplatform.audit.Fixtures.auditEvents;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.cecplatform.audit.Fixtures.sendSelfReportedCredit;
import static org.cecplatform.audit.Fixtures.sendVerifiedCredit;
import static org.cecplatform.audit.Fixtures.status;
import static org.cecplatform.audit.Fixtures.submit;
import static org.cecplatform.audit.Fixtures.uploadPng;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit's integrity rules through REST, with the ledger's credits and the renewals arriving over a real broker
 * and the audits in a real PostgreSQL. The audited renewal (CPT, renewed early on 2027-02-20) counted the credits
 * completed 2024-05-10..2027-02-20; 45 CECs required.
 */
@QuarkusTest
class AuditIntegrityApiTest {

    @Inject
    ServiceClock clock;

    String person;

    @BeforeEach
    void onMarchFirst() {
        clock.set(ny("2027-03-01T12:00"));
        person = person();
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void aLedgerItemCarriesTheLedgersFiguresAndStaffCannotPassFiveOf45() {
        UUID five = sendVerifiedCredit(person, LocalDate.of(2026, 1, 5), "5");
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        String auditId = awaitAudit(person, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> audit(auditId).jsonPath().getFloat("verifiedCecs") == 5f);

        audit(auditId).then().body("acceptedCecs", equalTo(5.0f)).body("requiredCecs", equalTo(45.0f))
                .body("window.from", equalTo("2024-05-10")).body("window.to", equalTo("2027-02-20"));
        clock.set(ny("2027-03-10T09:00"));
        submit(person, auditId, "{\"items\":[{\"creditId\":\"" + five + "\",\"cecs\":45}]}").then().statusCode(422)
                .body("type", equalTo("urn:cec:problem:invalid-submission"))
                .body("violations[0].field", equalTo("items[0].cecs"))
                .body("violations[0].message", containsString("the ledger's figure for this credit, 5"));
        submit(person, auditId, "{\"items\":[{\"creditId\":\"" + five + "\"}]}").then().statusCode(200)
                .body("items[0].cecs", equalTo(5.0f)).body("items[0].completedOn", equalTo("2026-01-05"))
                .body("items[0].preAccepted", equalTo(true));

        decide(auditId, TestTokens.staff(), "{\"outcome\":\"PASSED\",\"notes\":\"looks fine\"}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:requirement-not-reached"))
                .body("detail", containsString("5.0 of 45.0"));
        assertThat(status(auditId)).isEqualTo("SUBMITTED");
    }

    @Test
    void proofFromBeforeTheCycleOrFromAfterTheEarlyRenewalIsRefusedWithTheWindow() {
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        String auditId = awaitAudit(person, 1);
        String document = uploadPng(person, auditId);

        for (String completedOn : List.of("2019-06-01", "2027-02-25")) {
            submit(person, auditId, "{\"items\":[{\"title\":\"Course\",\"provider\":\"NSCA\",\"completedOn\":\""
                    + completedOn + "\",\"cecs\":45,\"category\":\"GENERAL\",\"documentIds\":[\"" + document + "\"]}]}")
                    .then().statusCode(422).body("violations[0].field", equalTo("items[0].completedOn"))
                    .body("violations[0].message", containsString("window 2024-05-10 to 2027-02-20"));
        }
        assertThat(status(auditId)).isEqualTo("OPEN");
    }

    @Test
    void aCreditAcceptedInOneAuditIsRefusedInAnother() {
        UUID workshop = sendSelfReportedCredit(person, LocalDate.of(2026, 3, 1), "GENERAL", "45");
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        String first = awaitAudit(person, 1);
        CertificationRenewedV1 cet = renewal(person, "CET", LocalDate.of(2027, 2, 20)); // CET: never drawn in tests
        sendRenewed(cet);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.staff())
                .contentType(ContentType.JSON).body(Map.of("renewalId", cet.renewalId())).post("/api/v1/audits")
                .statusCode() == 201);

        String proof = uploadPng(person, first);
        // 422 until the audit-service has the credit from cec.ledger.v1
        await().atMost(Duration.ofSeconds(30)).until(() -> submit(person, first, "{\"items\":[{\"creditId\":\""
                + workshop + "\",\"documentIds\":[\"" + proof + "\"]}]}").statusCode() == 200);
        audit(first).then().body("items[0].cecs", equalTo(45.0f));
        decide(first, TestTokens.auditor(), "{\"outcome\":\"PASSED\"}").then().statusCode(200)
                .body("status", equalTo("PASSED")).body("decision.cecsAccepted", equalTo(45.0f));

        String second = Fixtures.audits(person).jsonPath().getList("audits.auditId", String.class).stream()
                .filter(id -> !id.equals(first)).findFirst().orElseThrow();
        String again = uploadPng(person, second);
        submit(person, second, "{\"items\":[{\"creditId\":\"" + workshop + "\",\"documentIds\":[\"" + again + "\"]}]}")
                .then().statusCode(422).body("violations[0].field", equalTo("items[0].creditId"))
                .body("violations[0].message", containsString("already accepted in audit " + first));
        assertThat(status(second)).isEqualTo("OPEN");
    }

    @Test
    void replacementCecsAcceptedInARemediationAreReportedForTheAuditedCycleOnly() {
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        String auditId = awaitAudit(person, 1);
        String document = uploadPng(person, auditId);
        clock.set(ny("2027-03-10T09:00"));
        Response submitted = submit(person, auditId, "{\"items\":["
                + "{\"title\":\"A\",\"provider\":\"NSCA\",\"completedOn\":\"2026-05-01\",\"cecs\":30,"
                + "\"category\":\"GENERAL\",\"documentIds\":[\"" + document + "\"]},"
                + "{\"title\":\"B\",\"provider\":\"Spa\",\"completedOn\":\"2026-06-01\",\"cecs\":15,"
                + "\"category\":\"GENERAL\",\"documentIds\":[\"" + document + "\"]}]}");
        String a = submitted.jsonPath().getString("items[0].itemId");
        String b = submitted.jsonPath().getString("items[1].itemId");
        decide(auditId, TestTokens.auditor(), "{\"outcome\":\"REMEDIATION\",\"items\":[{\"itemId\":\"" + a
                + "\",\"accepted\":true},{\"itemId\":\"" + b + "\",\"accepted\":false,\"disallowedReason\":\"spa\"}]}")
                .then().statusCode(200).body("status", equalTo("REMEDIATION"));

        clock.set(ny("2027-04-20T09:00"));
        UUID replacement = sendSelfReportedCredit(person, LocalDate.of(2027, 4, 10), "GENERAL", "15");
        String proof = uploadPng(person, auditId);
        await().atMost(Duration.ofSeconds(30)).until(() -> submit(person, auditId, "{\"items\":[{\"creditId\":\""
                + replacement + "\",\"documentIds\":[\"" + proof + "\"]}]}").statusCode() == 200);
        decide(auditId, TestTokens.auditor(), "{\"outcome\":\"PASSED\"}").then().statusCode(200)
                .body("status", equalTo("PASSED")).body("decision.cecsAccepted", equalTo(45.0f))
                .body("decision.replacementCreditIds", equalTo(List.of(replacement.toString())));

        List<ConsumerRecord<String, String>> decided = auditEvents(person, 6).stream()
                .filter(r -> EventTypes.AUDIT_DECIDED.equals(TestKafka.header(r, CloudEventHeaders.TYPE))).toList();
        assertThat(decided).hasSize(2);
        assertThat(decided.get(1).value()).contains("\"replacementCreditIds\":[\"" + replacement + "\"]");
    }

    private static Response decide(String auditId, String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/audits/{id}/decision", auditId).then().extract().response();
    }
}
