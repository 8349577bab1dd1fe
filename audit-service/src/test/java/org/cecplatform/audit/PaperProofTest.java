package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.audit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Proof that arrives on paper: staff upload what came by post on the person's behalf (receivedBy POST, uploadedBy the
 * staff member) and enter the paper audit form for them (each item enteredBy the staff member); the person's own
 * uploads and form stay ONLINE and entered by nobody else.
 */
@QuarkusTest
class PaperProofTest extends WithAnAuditOpenedOnMarchFirst {

    @Test
    void staffUploadProofReceivedByPostAndEnterThePaperFormOnThePersonsBehalf() {
        String posted = given().auth().oauth2(TestTokens.staff())
                .multiPart("file", "scan.pdf", Fixtures.pdf(), "application/pdf")
                .post("/api/v1/audits/{id}/documents/received-by-post", auditId)
                .then().statusCode(201).body("receivedBy", equalTo("POST")).extract().path("documentId");
        String online = Fixtures.uploadPng(person, auditId);

        JsonPath documents = audit(auditId).jsonPath();
        assertThat(documents.getList("documents.receivedBy"))
                .containsExactly("POST", "ONLINE");
        assertThat(documents.getList("documents.uploadedBy"))
                .containsExactly("staff-1", person);

        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body(Fixtures.oneItem(posted, "45")).post("/api/v1/audits/{id}/submission", auditId)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("items.enteredBy", contains("staff-1"))
                .body("items[0].documentIds", contains(posted));
        assertThat(online).isNotBlank();
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/certificants/{id}/history", person)
                .then().statusCode(200)
                .body("events.find { it.type == 'audit.ProofItemsSubmitted.v1' }.actor", equalTo("staff-1"))
                .body("events.find { it.type == 'audit.ProofItemsSubmitted.v1' }.summary",
                        containsString("entered by staff-1 on behalf of " + person));
    }

    @Test
    void theOwnFormIsEnteredByNobodyElseAndOnlyStaffRecordPostOrEnterAForm() {
        for (String notStaff : new String[] {TestTokens.certificant(person), TestTokens.auditor()}) {
            given().auth().oauth2(notStaff).multiPart("file", "scan.pdf", Fixtures.pdf(), "application/pdf")
                    .post("/api/v1/audits/{id}/documents/received-by-post", auditId).then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.alsoCertificant("staff", "staff-2", person))
                .multiPart("file", "scan.pdf", Fixtures.pdf(), "application/pdf")
                .post("/api/v1/audits/{id}/documents/received-by-post", auditId)
                .then().statusCode(403).body("type", equalTo("urn:cec:problem:own-audit"));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits/{id}", auditId)
                .then().body("documents.size()", equalTo(0));

        String own = Fixtures.uploadPng(person, auditId);
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON)
                .body(Fixtures.oneItem(own, "45")).post("/api/v1/audits/{id}/submission", auditId)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.certificant(Fixtures.person())).contentType(ContentType.JSON)
                .body(Fixtures.oneItem(own, "45")).post("/api/v1/audits/{id}/submission", auditId)
                .then().statusCode(403);
        Fixtures.submit(person, auditId, Fixtures.oneItem(own, "45"))
                .then().statusCode(200).body("items[0].enteredBy", nullValue())
                .body("documents[0].receivedBy", equalTo("ONLINE"));
    }
}
