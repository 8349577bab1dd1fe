package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.audit;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.oneItem;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.cecplatform.audit.Fixtures.submit;
import static org.cecplatform.audit.Fixtures.uploadPng;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.testsupport.HistoryChecks;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonHistoryApiTest extends WithAnAuditOpenedOnMarchFirst {

    private static ValidatableResponse history(String token, String person) {
        return given().auth().oauth2(token).when().get("/api/v1/certificants/{id}/history", person).then();
    }

    /** The person submits 45 CECs of proof on 10 March, an auditor passes it on 15 March. */
    private void proofSubmittedAndPassed() {
        String document = uploadPng(person, auditId);
        clock.set(ny("2027-03-10T09:00"));
        submit(person, auditId, oneItem(document, "45")).then().statusCode(200);
        clock.set(ny("2027-03-15T09:00"));
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON)
                .body("{\"outcome\":\"PASSED\",\"notes\":\"certificate checked\"}")
                .when().post("/api/v1/audits/{id}/decision", auditId).then().statusCode(200);
    }

    @Test
    void theHistoryListsTheDrawAndEveryEventOfTheAuditOldestFirstWithWhoDidItAndTheKeyFacts() {
        proofSubmittedAndPassed();
        String renewal = audit(auditId).jsonPath().getString("renewalId").substring(0, 8) + "…";

        JsonPath history = history(TestTokens.certificant(person), person).statusCode(200)
                .body("certificantId", equalTo(person))
                .body("totalItems", equalTo(8))
                .body("events.type", contains("audit.RenewalDrawn.v1", EventTypes.AUDIT_OPENED,
                        "audit.AuditStarted.v1", "audit.ProofItemsSubmitted.v1", EventTypes.AUDIT_PROOF_SUBMITTED,
                        "audit.ItemsReviewed.v1", EventTypes.AUDIT_DECIDED, EventTypes.AUDIT_CLOSED))
                .body("events.published", contains(false, true, false, false, true, false, true, true))
                .body("events.actor", contains("system", "system", "system", person, person, null, "auditor-1",
                        null))
                .body("events.summary", contains(
                        "Renewal " + renewal + " of 2027-02-20 entered the CPT 2027 sampling pool",
                        "Audit opened for renewal " + renewal + " (selected at random, level CPT, 2027), proof due"
                                + " 2027-03-31",
                        "Audit of RENEWAL " + renewal + " (CPT, 2027-02-20) started: 45 CECs required, completed"
                                + " 2024-05-10 to 2027-02-20",
                        "Proof items of round 1: 1 item(s), 45 CECs ('Strength and conditioning workshop')",
                        "Proof submitted: 1 item(s), 45 CECs",
                        "Items reviewed: 1 accepted, 0 disallowed",
                        "Decided PASSED: 45 CECs accepted, 0 disallowed (certificate checked)",
                        "Audit closed PASSED (passed on review), valid until 2030-12-31"))
                // the service clock's hour (it runs on from where the test set it): opened, submitted, decided
                .body("events.occurredAt", contains(startsWith("2027-03-01T17:"), startsWith("2027-03-01T17:"),
                        startsWith("2027-03-01T17:"), startsWith("2027-03-10T14:"), startsWith("2027-03-10T14:"),
                        startsWith("2027-03-15T13:"), startsWith("2027-03-15T13:"), startsWith("2027-03-15T13:")))
                .extract().jsonPath();

        HistoryChecks.publishedAsOnKafka(history, Topics.AUDITS, person);
    }

    @Test
    void pagesAreOldestFirstAndCountTheWholeHistory() {
        proofSubmittedAndPassed();

        given().auth().oauth2(TestTokens.staff()).queryParam("page", 2).queryParam("size", 1)
                .when().get("/api/v1/certificants/{id}/history", person).then().statusCode(200)
                .body("page", equalTo(2))
                .body("size", equalTo(1))
                .body("totalItems", equalTo(8))
                .body("events.type", contains("audit.AuditStarted.v1"));
        given().auth().oauth2(TestTokens.staff()).queryParam("page", -1)
                .when().get("/api/v1/certificants/{id}/history", person).then().statusCode(422)
                .body("violations.field", contains("page"));
    }

    @Test
    void aPersonSeesOnlyTheirOwnHistory_someoneElsesIs403_anUnknownPersonsIsEmpty() {
        String other = Fixtures.person();
        sendRenewed(renewal(other, "CPT", LocalDate.of(2027, 2, 21)));
        awaitAudit(other, 1);

        history(TestTokens.certificant(other), person).statusCode(403);
        List<String> own = history(TestTokens.certificant(other), other).statusCode(200)
                .body("totalItems", equalTo(3)).extract().jsonPath().getList("events.eventId");
        List<String> persons = history(TestTokens.auditor(), person).statusCode(200)
                .body("totalItems", equalTo(3)).extract().jsonPath().getList("events.eventId");
        assertThat(own).doesNotContainAnyElementsOf(persons);
        history(TestTokens.staff(), Fixtures.person()).statusCode(200).body("events", empty())
                .body("totalItems", equalTo(0));
        history(TestTokens.staff(), "bad%20id").statusCode(422).body("violations.field", contains("certificantId"));
    }
}
