package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.audit.Fixtures.audit;
import static org.cecplatform.audit.Fixtures.audits;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.oneItem;
import static org.cecplatform.audit.Fixtures.runJob;
import static org.cecplatform.audit.Fixtures.send;
import static org.cecplatform.audit.Fixtures.submit;
import static org.cecplatform.audit.Fixtures.uploadPng;
import static org.cecplatform.audit.Fixtures.verifiedCredit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /certificants/{id}/audits?asOf=}: the person's audits at the end of each day, folded from their events on
 * the real database, against the live answer. The audit opens on 1 March 2027 (due 31 March).
 */
@QuarkusTest
class AuditsAsOfTest extends WithAnAuditOpenedOnMarchFirst {

    @Test
    void eachDayShowsTheAuditAsItStoodThatDay() {
        // late in the evening in New York, already 4 March in UTC: it belongs to 3 March
        clock.set(ny("2027-03-03T23:30"));
        extend("{\"newDueOn\":\"2027-04-20\",\"reason\":\"hospital stay\"}");
        clock.set(ny("2027-03-05T10:00"));
        String document = uploadPng(person, auditId);
        submit(person, auditId, "{\"items\":["
                + "{\"title\":\"Workshop A\",\"provider\":\"NASM\",\"completedOn\":\"2026-02-01\",\"cecs\":30,"
                + "\"category\":\"GENERAL\",\"documentIds\":[\"" + document + "\"]},"
                + "{\"title\":\"Yoga retreat\",\"provider\":\"Spa\",\"completedOn\":\"2026-03-01\",\"cecs\":15,"
                + "\"category\":\"GENERAL\",\"documentIds\":[\"" + document + "\"]}]}").then().statusCode(200);
        JsonPath submitted = audit(auditId).jsonPath();
        clock.set(ny("2027-03-10T09:00"));
        decide("{\"outcome\":\"REMEDIATION\",\"items\":[{\"itemId\":\"" + submitted.getString("items[0].itemId")
                + "\",\"accepted\":true},{\"itemId\":\"" + submitted.getString("items[1].itemId")
                + "\",\"accepted\":false,\"disallowedReason\":\"out of scope\"}]}");
        clock.set(ny("2027-03-20T11:00"));
        submit(person, auditId, oneItem(uploadPng(person, auditId), "15")).then().statusCode(200);
        clock.set(ny("2027-03-25T15:00"));
        decide("{\"outcome\":\"PASSED\"}");
        clock.set(ny("2027-03-26T08:00"));

        asOf("2027-02-28").then().body("totalItems", equalTo(0)).body("audits.size()", equalTo(0));

        JsonPath opened = onlyAudit("2027-03-01");
        assertThat(opened.getString("status")).isEqualTo("OPEN");
        assertThat(opened.getString("proofDueOn")).isEqualTo("2027-03-31");
        assertThat(opened.getBoolean("extended")).isFalse();
        assertThat(opened.getList("documents")).isEmpty();

        JsonPath extended = onlyAudit("2027-03-03");
        assertThat(extended.getString("status")).isEqualTo("OPEN");
        assertThat(extended.getString("proofDueOn")).isEqualTo("2027-04-20");
        assertThat(extended.getString("originalDueOn")).isEqualTo("2027-03-31");
        assertThat(extended.getString("extension.reason")).isEqualTo("hospital stay");

        JsonPath proof = onlyAudit("2027-03-05");
        assertThat(proof.getString("status")).isEqualTo("SUBMITTED");
        assertThat(proof.getList("items")).hasSize(2);
        assertThat(proof.getList("items.accepted")).containsExactly(null, null);
        assertThat(proof.getList("documents")).hasSize(1);
        assertThat(proof.getList("decisions")).isEmpty();
        assertThat(onlyAudit("2027-03-09").getString("status")).isEqualTo("SUBMITTED");

        JsonPath remediation = onlyAudit("2027-03-10");
        assertThat(remediation.getString("status")).isEqualTo("REMEDIATION");
        assertThat(remediation.getString("remediationDueOn")).isEqualTo("2027-06-08");
        assertThat(remediation.getList("items.accepted")).containsExactly(true, false);
        assertThat(remediation.getList("decisions.outcome")).containsExactly("REMEDIATION");
        assertThat(remediation.getString("validUntil")).isNull();

        JsonPath further = onlyAudit("2027-03-20");
        assertThat(further.getString("status")).isEqualTo("SUBMITTED");
        assertThat(further.getList("items")).hasSize(3);
        assertThat(further.getList("documents")).hasSize(2);

        JsonPath passed = onlyAudit("2027-03-25");
        assertThat(passed.getString("status")).isEqualTo("PASSED");
        assertThat(passed.getList("decisions.outcome")).containsExactly("REMEDIATION", "PASSED");
        assertThat(passed.getString("validUntil")).isNotNull();

        assertThat(asOf("2027-03-26").asString()).isEqualTo(audits(person).asString());
    }

    @Test
    void aDeadlineMissedBeforeTheDayShowsOverdueThoughTheSweepHasNotRun() {
        clock.set(ny("2027-04-05T10:00"));

        assertThat(onlyAudit("2027-03-31").getString("status")).isEqualTo("OPEN");
        JsonPath overdue = onlyAudit("2027-04-01");
        assertThat(overdue.getString("status")).isEqualTo("OVERDUE");
        assertThat(overdue.getString("overdueSince")).isEqualTo("2027-04-01");
        assertThat(overdue.getString("cureBy")).isEqualTo("2028-03-31");

        runJob("audit-deadlines");
        assertThat(asOf("2027-04-05").asString()).isEqualTo(audits(person).asString());
        assertThat(onlyAudit("2027-03-31").getString("status")).isEqualTo("OPEN");
    }

    @Test
    void verifiedCecsCountTheCreditsTheLedgerHadRecordedAndNotVoidedByThen() {
        clock.set(ny("2027-03-20T09:00"));
        UUID credit = UUID.randomUUID();
        CecEarnedV1 earned = verifiedCredit(credit, person, LocalDate.of(2026, 6, 1), "20");
        send(Topics.LEDGER, EventTypes.CEC_EARNED, person, new CecEarnedV1(earned.creditId(), person, earned.source(),
                true, earned.category(), earned.title(), earned.provider(), earned.providerKind(),
                earned.completedOn(), earned.reported(), earned.cecs(), earned.externalRef(), earned.grade(),
                earned.recordedBy(), ny("2027-03-10T09:00")));
        send(Topics.LEDGER, EventTypes.CEC_VOIDED, person, new CecVoidedV1(credit, person, "duplicate", "staff-1",
                ny("2027-03-15T09:00"), earned.completedOn(), earned.category(), earned.cecs()));
        // both applied: known as of the day before the void, and voided now
        await().atMost(Duration.ofSeconds(30)).until(() -> asOf("2027-03-14").jsonPath()
                .getFloat("audits[0].verifiedCecs") == 20.0f && audit(auditId).jsonPath().getFloat("verifiedCecs") == 0);

        assertThat(onlyAudit("2027-03-09").getFloat("verifiedCecs")).isZero();
        assertThat(onlyAudit("2027-03-10").getFloat("verifiedCecs")).isEqualTo(20.0f);
        assertThat(onlyAudit("2027-03-15").getFloat("verifiedCecs")).isZero();
    }

    @Test
    void pagedAsWithoutAsOfAndOnlyForThePersonStaffAndAuditors() {
        given().auth().oauth2(TestTokens.staff()).queryParam("asOf", "2027-03-01").queryParam("page", 1)
                .queryParam("size", 1).get("/api/v1/certificants/{id}/audits", person)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("page", equalTo(1))
                .body("audits.size()", equalTo(0));
        given().auth().oauth2(TestTokens.certificant(person)).queryParam("asOf", "2027-03-01")
                .get("/api/v1/certificants/{id}/audits", person)
                .then().statusCode(200).body("audits[0].auditId", equalTo(auditId));
        given().auth().oauth2(TestTokens.certificant("someone-else")).queryParam("asOf", "2027-03-01")
                .get("/api/v1/certificants/{id}/audits", person).then().statusCode(403);
    }

    @Test
    void aMalformedOrFutureDayIsRefused() {
        for (String bad : List.of("2027-3-1", "yesterday", "2027-02-30", "2027-03-02")) {
            asOf(bad).then().statusCode(422).contentType("application/problem+json")
                    .body("violations.field", hasItem("asOf"));
        }
        given().auth().oauth2(TestTokens.staff()).queryParam("asOf", "2027-03-02").queryParam("size", 0)
                .get("/api/v1/certificants/{id}/audits", person)
                .then().statusCode(422).body("violations.field", equalTo(List.of("size", "asOf")));
        asOf("2027-03-01").then().statusCode(200).body("audits[0].status", equalTo("OPEN"));
    }

    private Response asOf(String day) {
        return given().auth().oauth2(TestTokens.staff()).queryParam("asOf", day)
                .get("/api/v1/certificants/{id}/audits", person).then().extract().response();
    }

    private JsonPath onlyAudit(String day) {
        String page = asOf(day).then().statusCode(200).body("totalItems", equalTo(1))
                .body("audits[0].auditId", equalTo(auditId)).extract().asString();
        return new JsonPath(page).setRootPath("audits[0]");
    }

    private void extend(String body) {
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/audits/{id}/extension", auditId).then().statusCode(200);
    }

    private void decide(String body) {
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/audits/{id}/decision", auditId).then().statusCode(200);
    }
}
