package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every view or download of a document is recorded (who, when by the service's clock) and shown to staff. */
@QuarkusTest
class DocumentAccessTest {

    @Inject
    ServiceClock clock;

    String person;
    String auditId;
    String documentId;

    @BeforeEach
    void anAuditWithADocument() {
        clock.set(ny("2027-03-01T12:00"));
        person = person();
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        auditId = awaitAudit(person, 1);
        documentId = Fixtures.uploadPng(person, auditId);
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void staffSeeWhoViewedOrDownloadedTheDocumentAndWhenByTheServiceClock() {
        access().then().statusCode(200).body("documentId", equalTo(documentId)).body("accesses", empty());

        Instant first = Instant.parse("2027-03-05T15:00:00Z");
        clock.set(first);
        given().auth().oauth2(TestTokens.certificant(person))
                .get("/api/v1/audits/{a}/documents/{d}", auditId, documentId).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"));
        Instant second = Instant.parse("2027-03-09T08:30:00Z");
        clock.set(second);
        given().auth().oauth2(TestTokens.auditor())
                .queryParam("inline", true)
                .get("/api/v1/audits/{a}/documents/{d}", auditId, documentId).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("inline"));

        JsonPath seen = access().then().statusCode(200).extract().jsonPath();
        assertThat(seen.getList("accesses.accessedBy")).containsExactly(person, "auditor-1");
        assertThat(seen.getList("accesses.action")).containsExactly("DOWNLOAD", "VIEW");
        assertThat(seen.getList("accesses.roles")).containsExactly("certificant", "auditor");
        // The service's clock, not the wall clock: the instants set above (it runs on by a few milliseconds).
        assertThat(Instant.parse(seen.getString("accesses[0].accessedAt"))).isBetween(first, first.plusSeconds(60));
        assertThat(Instant.parse(seen.getString("accesses[1].accessedAt"))).isBetween(second, second.plusSeconds(60));
    }

    @Test
    void onlyStaffSeeTheAccessesAndAMissingDocumentIs404WithNothingRecorded() {
        given().auth().oauth2(TestTokens.certificant(person))
                .get("/api/v1/audits/{a}/documents/{d}/access", auditId, documentId).then().statusCode(403);
        given().auth().oauth2(TestTokens.auditor())
                .get("/api/v1/audits/{a}/documents/{d}/access", auditId, documentId).then().statusCode(403);
        given().auth().oauth2(TestTokens.staff())
                .get("/api/v1/audits/{a}/documents/{d}/access", auditId, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        // A refused download records nothing.
        given().auth().oauth2(TestTokens.certificant(person()))
                .get("/api/v1/audits/{a}/documents/{d}", auditId, documentId).then().statusCode(403);
        access().then().statusCode(200).body("accesses", empty());
    }

    private io.restassured.response.Response access() {
        return given().auth().oauth2(TestTokens.staff())
                .get("/api/v1/audits/{a}/documents/{d}/access", auditId, documentId);
    }
}
