package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.audit;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.upload;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Proof documents: checked by content, stored byte for byte, shown only to the owner, staff and auditors. */
@QuarkusTest
class DocumentsTest extends WithAnAuditOpenedOnMarchFirst {

    @Test
    void aPngAPdfAndAJpegRoundTripByteForByte() throws Exception {
        roundTrip(Fixtures.png(), "certificate.png", "image/png", "image/png");
        roundTrip(Fixtures.pdf(), "transcript.pdf", "application/pdf", "application/pdf");
        roundTrip(Fixtures.jpeg(), "letter.jpg", "image/jpeg", "image/jpeg");

        assertThat(audit(auditId).jsonPath().getList("documents.contentType"))
                .containsExactly("image/png", "application/pdf", "image/jpeg");
    }

    @Test
    void theTypeIsTakenFromTheBytesNotTheNameOrTheDeclaredType() throws Exception {
        // PNG bytes that claim to be a PDF called ../../etc/passwd.pdf: stored as what they are, the name only as text
        Response created = upload(TestTokens.certificant(person), auditId, Fixtures.png(), "../../etc/passwd.pdf",
                "application/pdf");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.jsonPath().getString("contentType")).isEqualTo("image/png");
        assertThat(audit(auditId).jsonPath().getString("documents[0].fileName")).isEqualTo("../../etc/passwd.pdf");
        byte[] back = given().auth().oauth2(TestTokens.staff())
                .get("/api/v1/audits/{a}/documents/{d}", auditId, created.jsonPath().getString("documentId"))
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(back).isEqualTo(Fixtures.png());
    }

    @Test
    void aTextFileIs415AndNothingIsStored() {
        upload(TestTokens.certificant(person), auditId, "I did the course, promise.".getBytes(StandardCharsets.UTF_8),
                "proof.pdf", "application/pdf")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:unsupported-document-type"))
                .body("status", equalTo(415));
        assertThat(audit(auditId).jsonPath().getList("documents")).isEmpty();
    }

    @Test
    void aDocumentOver10MegabytesIs413AndNothingIsStored() {
        byte[] png = Fixtures.png();
        byte[] big = Arrays.copyOf(png, 10 * 1024 * 1024 + 1); // a PNG header, then zeros past the limit

        upload(TestTokens.certificant(person), auditId, big, "huge.png", "image/png")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:document-too-large"));
        assertThat(audit(auditId).jsonPath().getList("documents")).isEmpty();
    }

    @Test
    void anEmptyFileOrNoFileIs422() {
        upload(TestTokens.certificant(person), auditId, new byte[0], "empty.pdf", "application/pdf")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("file"));
        given().auth().oauth2(TestTokens.certificant(person)).multiPart("other", "x")
                .when().post("/api/v1/audits/{id}/documents", auditId)
                .then().statusCode(422).body("violations[0].field", equalTo("file"));
        assertThat(audit(auditId).jsonPath().getList("documents")).isEmpty();
    }

    @Test
    void onlyTheOwnerOrStaffUploadAndOnlyTheOwnerStaffAndAuditorsDownload() {
        upload(TestTokens.certificant(person()), auditId, Fixtures.png(), "x.png", "image/png")
                .then().statusCode(403).body("type", equalTo("urn:cec:problem:forbidden"));
        upload(TestTokens.auditor(), auditId, Fixtures.png(), "x.png", "image/png").then().statusCode(403);
        String byStaff = upload(TestTokens.staff(), auditId, Fixtures.png(), "scan.png", "image/png")
                .then().statusCode(201).extract().jsonPath().getString("documentId");

        given().auth().oauth2(TestTokens.certificant(person()))
                .get("/api/v1/audits/{a}/documents/{d}", auditId, byStaff).then().statusCode(403);
        given().get("/api/v1/audits/{a}/documents/{d}", auditId, byStaff).then().statusCode(401);
        given().auth().oauth2(TestTokens.certificant(person))
                .get("/api/v1/audits/{a}/documents/{d}", auditId, java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aClosedAuditTakesNoMoreDocuments() {
        String doc = Fixtures.uploadPng(person, auditId);
        Fixtures.submit(person, auditId, Fixtures.oneItem(doc, "45")).then().statusCode(200);

        upload(TestTokens.certificant(person), auditId, Fixtures.png(), "late.png", "image/png")
                .then().statusCode(409).body("type", equalTo("urn:cec:problem:not-accepting-proof"));
    }

    private void roundTrip(byte[] bytes, String name, String declared, String expectedType) throws Exception {
        Response created = upload(TestTokens.certificant(person), auditId, bytes, name, declared);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String documentId = created.jsonPath().getString("documentId");
        assertThat(created.jsonPath().getLong("size")).isEqualTo(bytes.length);
        assertThat(created.jsonPath().getString("sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(created.jsonPath().getString("contentType")).isEqualTo(expectedType);
        assertThat(created.header("Location")).endsWith("/api/v1/audits/" + auditId + "/documents/" + documentId);

        for (String token : new String[] {TestTokens.certificant(person), TestTokens.staff(), TestTokens.auditor()}) {
            byte[] back = given().auth().oauth2(token)
                    .get("/api/v1/audits/{a}/documents/{d}", auditId, documentId)
                    .then().statusCode(200).contentType(expectedType).extract().asByteArray();
            assertThat(back).isEqualTo(bytes);
        }
    }
}
