package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.audit;
import static org.cecplatform.audit.Fixtures.auditEvents;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.oneItem;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.runJob;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.cecplatform.audit.Fixtures.status;
import static org.cecplatform.audit.Fixtures.submit;
import static org.cecplatform.audit.Fixtures.types;
import static org.cecplatform.audit.Fixtures.uploadPng;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.cecplatform.testsupport.contract.EventSchemas;
import org.junit.jupiter.api.Test;

/** The whole lifecycle through REST, on the service clock moved by the tests. */
@QuarkusTest
class AuditLifecycleApiTest extends WithAnAuditOpenedOnMarchFirst {

    @Test
    void openSubmitAndPass() {
        String document = uploadPng(person, auditId);
        clock.set(ny("2027-03-10T09:00"));

        submit(person, auditId, oneItem(document, "45")).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("items[0].itemId", notNullValue())
                .body("items[0].accepted", nullValue())
                .body("items[0].cecs", equalTo(45.0f))
                .body("items[0].documentIds[0]", equalTo(document));
        submit(person, auditId, oneItem(document, "5")).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:cec:problem:awaiting-review"));

        clock.set(ny("2027-03-15T09:00"));
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON)
                .body("{\"outcome\":\"PASSED\",\"notes\":\"certificate checked\"}")
                .when().post("/api/v1/audits/{id}/decision", auditId)
                .then().statusCode(200)
                .body("status", equalTo("PASSED"))
                .body("items[0].accepted", equalTo(true))
                .body("decision.outcome", equalTo("PASSED"))
                .body("decision.decidedBy", equalTo("auditor-1"))
                .body("validUntil", equalTo("2030-12-31"));

        submit(person, auditId, oneItem(document, "5")).then().statusCode(409)
                .body("type", equalTo("urn:cec:problem:audit-closed"))
                .body("detail", containsString("PASSED"));

        List<ConsumerRecord<String, String>> events = auditEvents(person, 4);
        assertThat(types(events)).containsExactly(EventTypes.AUDIT_OPENED, EventTypes.AUDIT_PROOF_SUBMITTED,
                EventTypes.AUDIT_DECIDED, EventTypes.AUDIT_CLOSED);
        assertThat(events.stream().map(r -> TestKafka.header(r, CloudEventHeaders.ID)).collect(Collectors.toSet()))
                .hasSize(4);
        assertThat(JsonPath.from(events.get(3).value()).getString("result")).isEqualTo("PASSED");
        events.forEach(EventSchemas::assertValid);
    }

    @Test
    void staffExtendOnceByAtMost30DaysWithAReason() {
        given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON)
                .body("{\"newDueOn\":\"2027-04-20\",\"reason\":\"please\"}")
                .when().post("/api/v1/audits/{id}/extension", auditId).then().statusCode(403);
        extend("{\"newDueOn\":\"2027-05-01\",\"reason\":\"too far\"}").then().statusCode(422)
                .body("violations[0].field", equalTo("newDueOn"));
        extend("{\"newDueOn\":\"2027-04-20\"}").then().statusCode(422)
                .body("violations.field", hasItem("reason"));

        extend("{\"newDueOn\":\"2027-04-20\",\"reason\":\"hospital stay\"}").then().statusCode(200)
                .body("extended", equalTo(true))
                .body("proofDueOn", equalTo("2027-04-20"))
                .body("originalDueOn", equalTo("2027-03-31"))
                .body("extension.reason", equalTo("hospital stay"));
        extend("{\"newDueOn\":\"2027-04-25\",\"reason\":\"again\"}").then().statusCode(409)
                .body("type", equalTo("urn:cec:problem:already-extended"));

        // the old due date passes: the sweep leaves the audit open
        clock.set(ny("2027-04-10T12:00"));
        runJob("audit-deadlines");
        assertThat(status(auditId)).isEqualTo("OPEN");
        List<ConsumerRecord<String, String>> events = auditEvents(person, 2);
        assertThat(types(events)).containsExactly(EventTypes.AUDIT_OPENED, EventTypes.AUDIT_EXTENDED);
        events.forEach(EventSchemas::assertValid);
    }

    @Test
    void remediationNeedsReasonsThenFurtherItemsAreReviewedAgain() {
        String document = uploadPng(person, auditId);
        submit(person, auditId, "{\"items\":["
                + "{\"title\":\"Workshop A\",\"provider\":\"NASM\",\"completedOn\":\"2026-02-01\",\"cecs\":30,"
                + "\"category\":\"GENERAL\",\"documentIds\":[\"" + document + "\"]},"
                + "{\"title\":\"Yoga retreat\",\"provider\":\"Spa\",\"completedOn\":\"2026-03-01\",\"cecs\":15,"
                + "\"category\":\"GENERAL\",\"documentIds\":[\"" + document + "\"]}]}").then().statusCode(200);
        JsonPath submitted = audit(auditId).jsonPath();
        String first = submitted.getString("items[0].itemId");
        String second = submitted.getString("items[1].itemId");

        decide(TestTokens.staff(), "{\"outcome\":\"REMEDIATION\"}").then().statusCode(422)
                .body("violations[0].field", equalTo("items"));
        decide(TestTokens.staff(), "{\"outcome\":\"REMEDIATION\",\"items\":[{\"itemId\":\"" + first
                + "\",\"accepted\":true},{\"itemId\":\"" + second + "\",\"accepted\":false}]}")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("items[1].disallowedReason"));
        given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON)
                .body("{\"outcome\":\"PASSED\"}").post("/api/v1/audits/{id}/decision", auditId)
                .then().statusCode(403);
        assertThat(status(auditId)).isEqualTo("SUBMITTED");

        clock.set(ny("2027-03-15T09:00"));
        decide(TestTokens.auditor(), "{\"outcome\":\"REMEDIATION\",\"notes\":\"yoga retreat out of scope\","
                + "\"items\":[{\"itemId\":\"" + first + "\",\"accepted\":true},{\"itemId\":\"" + second
                + "\",\"accepted\":false,\"disallowedReason\":\"not within the scope of the certification\"}]}")
                .then().statusCode(200)
                .body("status", equalTo("REMEDIATION"))
                .body("remediationDueOn", equalTo("2027-06-13"))
                .body("items[1].disallowedReason", equalTo("not within the scope of the certification"))
                .body("decision.cecsDisallowed", equalTo(15.0f));

        String replacement = uploadPng(person, auditId);
        submit(person, auditId, oneItem(replacement, "15")).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("items.size()", equalTo(3));
        decide(TestTokens.auditor(), "{\"outcome\":\"PASSED\"}").then().statusCode(200)
                .body("status", equalTo("PASSED"))
                .body("items.accepted", equalTo(List.of(true, false, true)));

        List<ConsumerRecord<String, String>> events = auditEvents(person, 6);
        assertThat(types(events)).containsExactly(EventTypes.AUDIT_OPENED, EventTypes.AUDIT_PROOF_SUBMITTED,
                EventTypes.AUDIT_DECIDED, EventTypes.AUDIT_PROOF_SUBMITTED, EventTypes.AUDIT_DECIDED,
                EventTypes.AUDIT_CLOSED);
        assertThat(JsonPath.from(events.get(2).value()).getString("remediationDueOn")).isEqualTo("2027-06-13");
        events.forEach(EventSchemas::assertValid);
    }

    @Test
    void overdueThenCuredBySubmittingProof() {
        clock.set(ny("2027-03-31T23:00"));
        runJob("audit-deadlines");
        assertThat(status(auditId)).isEqualTo("OPEN");

        clock.set(ny("2027-04-01T08:00"));
        runJob("audit-deadlines");
        runJob("audit-deadlines"); // idempotent
        JsonPath overdue = audit(auditId).jsonPath();
        assertThat(overdue.getString("status")).isEqualTo("OVERDUE");
        assertThat(overdue.getString("cureBy")).isEqualTo("2028-03-31");

        clock.set(ny("2027-09-01T10:00"));
        String document = uploadPng(person, auditId);
        submit(person, auditId, oneItem(document, "45")).then().statusCode(200).body("status", equalTo("SUBMITTED"));

        List<ConsumerRecord<String, String>> events = auditEvents(person, 4);
        assertThat(types(events)).containsExactly(EventTypes.AUDIT_OPENED, EventTypes.AUDIT_OVERDUE,
                EventTypes.AUDIT_CURED, EventTypes.AUDIT_PROOF_SUBMITTED);
        JsonPath overdueEvent = JsonPath.from(events.get(1).value());
        assertThat(overdueEvent.getString("dueOn")).isEqualTo("2027-03-31");
        assertThat(overdueEvent.getString("cureBy")).isEqualTo("2028-03-31");
        assertThat(JsonPath.from(events.get(2).value()).getString("how")).isEqualTo("PROOF_SUBMITTED");
        events.forEach(EventSchemas::assertValid);
    }

    @Test
    void overdueAndNotCuredWithinAYearFailsForGood() {
        clock.set(ny("2027-04-02T08:00"));
        runJob("audit-deadlines");
        clock.set(ny("2028-03-31T20:00"));
        runJob("audit-deadlines");
        assertThat(status(auditId)).isEqualTo("OVERDUE");

        clock.set(ny("2028-04-01T08:00"));
        assertThat(runJob("audit-deadlines").jsonPath().getString("summary")).contains("failed");

        JsonPath failed = audit(auditId).jsonPath();
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("closedReason")).isEqualTo("not cured within one year");
        List<ConsumerRecord<String, String>> events = auditEvents(person, 3);
        assertThat(types(events)).containsExactly(EventTypes.AUDIT_OPENED, EventTypes.AUDIT_OVERDUE,
                EventTypes.AUDIT_CLOSED);
        JsonPath closed = JsonPath.from(events.get(2).value());
        assertThat(closed.getString("result")).isEqualTo("FAILED");
        assertThat(closed.getString("reason")).isEqualTo("not cured within one year");
        events.forEach(EventSchemas::assertValid);
        Fixtures.upload(TestTokens.certificant(person), auditId, Fixtures.png(), "late.png", "image/png")
                .then().statusCode(409);
    }

    @Test
    void someoneElsesAuditIsForbidden() {
        String stranger = TestTokens.certificant(person());
        given().auth().oauth2(stranger).get("/api/v1/audits/{id}", auditId)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:forbidden"));
        given().auth().oauth2(stranger).get("/api/v1/certificants/{id}/audits", person).then().statusCode(403);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(oneItem(auditId, "45"))
                .post("/api/v1/audits/{id}/submission", auditId).then().statusCode(403);
        given().auth().oauth2(stranger).get("/api/v1/audits").then().statusCode(403);
        given().auth().oauth2(stranger).get("/api/v1/sampling/2027").then().statusCode(403);
        given().get("/api/v1/audits/{id}", auditId).then().statusCode(401);
        // the owner may, and sees it in their list
        given().auth().oauth2(TestTokens.certificant(person)).get("/api/v1/certificants/{id}/audits", person)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("audits[0].auditId", equalTo(auditId));
    }

    @Test
    void aSubmissionIsCheckedItemByItem() {
        String otherPerson = person();
        sendRenewed(renewal(otherPerson, "CPT", LocalDate.of(2027, 2, 20)));
        String otherAudit = awaitAudit(otherPerson, 1);
        String foreignDocument = uploadPng(otherPerson, otherAudit);

        submit(person, auditId, "{\"items\":[{\"title\":\"\",\"provider\":\"X\",\"completedOn\":\"2026-01-01\","
                + "\"cecs\":0,\"category\":\"GENERAL\"}]}").then().statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.hasItems("items[0].title", "items[0].cecs"));
        submit(person, auditId, "{\"items\":[{\"title\":\"A\",\"provider\":\"X\",\"completedOn\":\"2026-01-01\","
                + "\"cecs\":5,\"category\":\"KNITTING\"}]}").then().statusCode(422)
                .body("violations[0].field", containsString("category"));
        submit(person, auditId, oneItem(foreignDocument, "45")).then().statusCode(422)
                .body("type", equalTo("urn:cec:problem:invalid-submission"))
                .body("violations[0].field", equalTo("items[0].documentIds"));
        submit(person, auditId, "{\"items\":[{\"title\":\"A\",\"provider\":\"X\",\"completedOn\":\"2026-01-01\","
                + "\"cecs\":5,\"category\":\"GENERAL\",\"documentIds\":[]}]}").then().statusCode(422)
                .body("violations[0].message", containsString("needs at least one document"));
        assertThat(status(auditId)).isEqualTo("OPEN");
    }

    private io.restassured.response.Response extend(String body) {
        return given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/audits/{id}/extension", auditId).then().extract().response();
    }

    private io.restassured.response.Response decide(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/audits/{id}/decision", auditId).then().extract().response();
    }
}
