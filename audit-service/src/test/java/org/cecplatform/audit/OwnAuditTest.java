package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.audit.Fixtures.audit;
import static org.cecplatform.audit.Fixtures.auditEvents;
import static org.cecplatform.audit.Fixtures.audits;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.oneItem;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.cecplatform.audit.Fixtures.submit;
import static org.cecplatform.audit.Fixtures.types;
import static org.cecplatform.audit.Fixtures.uploadPng;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nobody decides, extends or selects by hand an audit of their own (SPEC §6): a staff member or auditor who is also
 * the audited certificant (their {@code certificantId} claim) gets 403 {@code own-audit} and nothing changes; anyone
 * else may, and the audit records who by the token's {@code sub}, never its {@code upn}.
 */
@QuarkusTest
class OwnAuditTest {

    private static final String OWN_AUDIT = "urn:cec:problem:own-audit";

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void anAuditorWhoIsTheAuditedCertificantMayNotDecideItAndAnotherAuditorDoes() {
        clock.set(ny("2027-03-01T12:00"));
        String person = person();
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        String auditId = awaitAudit(person, 1);
        submit(person, auditId, oneItem(uploadPng(person, auditId), "45")).then().statusCode(200);
        String before = audit(auditId).asString();

        decide(TestTokens.alsoCertificant("auditor", "auditor-77", person), auditId)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(OWN_AUDIT)).body("status", equalTo(403));
        decide(TestTokens.alsoCertificant("staff", "staff-77", person), auditId)
                .then().statusCode(403).body("type", equalTo(OWN_AUDIT));
        assertThat(audit(auditId).asString()).as("the audit is unchanged").isEqualTo(before);

        decide(TestTokens.withUpn("auditor", "auditor-9", "reviewer@example.org"), auditId)
                .then().statusCode(200)
                .body("status", equalTo("PASSED"))
                .body("decision.decidedBy", equalTo("auditor-9"))
                .body("decisions[0].decidedBy", equalTo("auditor-9"));
        assertThat(audit(auditId).jsonPath().getString("decision.decidedBy")).isEqualTo("auditor-9");
        assertThat(types(auditEvents(person, 4))).containsExactly(EventTypes.AUDIT_OPENED,
                EventTypes.AUDIT_PROOF_SUBMITTED, EventTypes.AUDIT_DECIDED, EventTypes.AUDIT_CLOSED);
    }

    @Test
    void staffWhoAreTheAuditedCertificantMayNotExtendItAndOtherStaffDo() {
        clock.set(ny("2027-03-01T12:00"));
        String person = person();
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        String auditId = awaitAudit(person, 1);
        String before = audit(auditId).asString();

        extend(TestTokens.alsoCertificant("staff", "staff-77", person), auditId)
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo(OWN_AUDIT));
        JsonPath unchanged = audit(auditId).jsonPath();
        assertThat(unchanged.getBoolean("extended")).isFalse();
        assertThat(unchanged.getString("proofDueOn")).isEqualTo("2027-03-31");
        assertThat(audit(auditId).asString()).isEqualTo(before);

        extend(TestTokens.alsoCertificant("staff", "staff-9", person()), auditId)
                .then().statusCode(200)
                .body("proofDueOn", equalTo("2027-04-20"))
                .body("extension.extendedBy", equalTo("staff-9"));
        assertThat(types(auditEvents(person, 2))).containsExactly(EventTypes.AUDIT_OPENED,
                EventTypes.AUDIT_EXTENDED);
    }

    @Test
    void staffWhoAreTheRenewingCertificantMayNotSelectTheirRenewalByHandAndOtherStaffDo() {
        clock.set(ny("2027-03-01T12:00"));
        String person = person();
        CertificationRenewedV1 renewal = renewal(person, "CET", LocalDate.of(2027, 2, 20)); // CET: 0 % in tests
        sendRenewed(renewal);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.staff())
                .get("/api/v1/sampling/renewals/{id}", renewal.renewalId()).statusCode() == 200);

        select(TestTokens.alsoCertificant("staff", "staff-77", person), renewal)
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo(OWN_AUDIT));
        assertThat(audits(person).jsonPath().getInt("totalItems")).as("no audit opened").isZero();

        select(TestTokens.withUpn("staff", "staff-9", "alice@example.org"), renewal)
                .then().statusCode(201)
                .body("selection.method", equalTo("MANUAL"))
                .body("selection.selectedBy", equalTo("staff-9"));
        assertThat(audits(person).jsonPath().getInt("totalItems")).isEqualTo(1);
    }

    private static Response decide(String token, String auditId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"outcome\":\"PASSED\",\"notes\":\"certificate checked\"}")
                .when().post("/api/v1/audits/{id}/decision", auditId).then().extract().response();
    }

    private static Response extend(String token, String auditId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"newDueOn\":\"2027-04-20\",\"reason\":\"hospital stay\"}")
                .when().post("/api/v1/audits/{id}/extension", auditId).then().extract().response();
    }

    private static Response select(String token, CertificationRenewedV1 renewal) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("renewalId", renewal.renewalId())).when().post("/api/v1/audits")
                .then().extract().response();
    }
}
