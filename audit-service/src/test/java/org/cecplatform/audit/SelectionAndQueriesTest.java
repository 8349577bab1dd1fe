package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.cecplatform.testsupport.contract.EventSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hand selection, the sampling report and the audit list. CET is sampled at 0 % in tests, CPT at 100 %. */
@QuarkusTest
class SelectionAndQueriesTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void staffSelectARenewalByHandWhileItIsAuditable() {
        clock.set(ny("2027-03-01T12:00"));
        String person = person();
        CertificationRenewedV1 renewal = renewal(person, "CET", LocalDate.of(2027, 2, 20));
        sendRenewed(renewal);
        awaitInPool(renewal.renewalId());
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/renewals/{id}", renewal.renewalId())
                .then().statusCode(200).body("selected", equalTo(false)).body("reproduced", equalTo(true));

        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON)
                .body(Map.of("renewalId", renewal.renewalId())).post("/api/v1/audits").then().statusCode(403);
        String auditId = given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body(Map.of("renewalId", renewal.renewalId())).post("/api/v1/audits")
                .then().statusCode(201)
                .body("reason", equalTo("selected by staff"))
                .body("status", equalTo("OPEN"))
                .body("credential", equalTo("CET"))
                .body("selection.method", equalTo("MANUAL"))
                .body("selection.selectedBy", equalTo("staff-1"))
                .extract().jsonPath().getString("auditId");
        assertThat(Fixtures.auditEvents(person, 1)).singleElement().satisfies(e -> {
            assertThat(JsonPath.from(e.value()).getString("reason")).isEqualTo("selected by staff");
            EventSchemas.assertValid(e);
        });

        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body(Map.of("renewalId", renewal.renewalId())).post("/api/v1/audits")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:already-audited"))
                .body("detail", org.hamcrest.Matchers.containsString(auditId));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body(Map.of("renewalId", UUID.randomUUID())).post("/api/v1/audits")
                .then().statusCode(422).body("violations[0].field", equalTo("renewalId"));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body("{}").post("/api/v1/audits")
                .then().statusCode(422).body("violations[0].field", equalTo("renewalId"));
    }

    @Test
    void aRenewalMoreThanAYearOldCanNoLongerBeSelected() {
        clock.set(ny("2027-03-01T12:00"));
        CertificationRenewedV1 renewal = renewal(person(), "CET", LocalDate.of(2027, 2, 20));
        sendRenewed(renewal);
        awaitInPool(renewal.renewalId());

        clock.set(ny("2028-02-21T09:00"));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body(Map.of("renewalId", renewal.renewalId())).post("/api/v1/audits")
                .then().statusCode(409).body("type", equalTo("urn:cec:problem:not-auditable"))
                .body("detail", org.hamcrest.Matchers.containsString("2028-02-20"));
    }

    @Test
    void theSamplingReportCoversEveryLevelWithRenewalsSelectedAndRate() {
        clock.set(ny("2041-02-10T12:00"));
        String first = person();
        String second = person();
        sendRenewed(renewal(first, "CPT", LocalDate.of(2041, 2, 1)));
        sendRenewed(renewal(second, "CPT", LocalDate.of(2041, 2, 2)));
        CertificationRenewedV1 cet = renewal(second, "CET", LocalDate.of(2041, 2, 3));
        sendRenewed(cet);
        awaitAudit(first, 1);
        awaitInPool(cet.renewalId());

        JsonPath report = given().auth().oauth2(TestTokens.auditor()).get("/api/v1/sampling/2041")
                .then().statusCode(200).body("year", equalTo(2041)).extract().jsonPath();
        assertThat(report.getList("levels.credential"))
                .containsExactly("CEP", "EP", "CPT", "GEI", "PAPHS", "CIFT", "CET");
        assertThat(report.getInt("levels.find { it.credential == 'CPT' }.renewals")).isEqualTo(2);
        assertThat(report.getInt("levels.find { it.credential == 'CPT' }.selected")).isEqualTo(2);
        assertThat(report.getFloat("levels.find { it.credential == 'CPT' }.rate")).isEqualTo(1.0f);
        assertThat(report.getInt("levels.find { it.credential == 'CET' }.renewals")).isEqualTo(1);
        assertThat(report.getInt("levels.find { it.credential == 'CET' }.selected")).isEqualTo(0);
        assertThat(report.getInt("levels.find { it.credential == 'GEI' }.renewals")).isEqualTo(0);
        assertThat(report.getFloat("levels.find { it.credential == 'GEI' }.rate")).isEqualTo(0.10f);
        assertThat(report.getInt("levels.find { it.credential == 'GEI' }.blockSize")).isEqualTo(10);
        assertThat(report.getString("levels.find { it.credential == 'CPT' }.seed")).as("not for auditors").isNull();
        String seed = given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/2041")
                .then().statusCode(200).extract().jsonPath().getString("levels.find { it.credential == 'CPT' }.seed");
        assertThat(seed).as("staff see the seed that reproduces the draws").matches("[0-9a-f]{64}");

        given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/nineteen").then().statusCode(422);
    }

    @Test
    void theAuditListFiltersAndPages() {
        clock.set(ny("2042-02-10T12:00"));
        String person = person();
        sendRenewed(renewal(person, "CPT", LocalDate.of(2042, 2, 1)));
        sendRenewed(renewal(person, "CPT", LocalDate.of(2042, 2, 2)));
        sendRenewed(renewal(person, "CPT", LocalDate.of(2042, 2, 3)));
        awaitAudit(person, 3);

        given().auth().oauth2(TestTokens.auditor())
                .get("/api/v1/audits?status=OPEN&credential=CPT&year=2042&page=0&size=2")
                .then().statusCode(200)
                .body("totalItems", equalTo(3)).body("size", equalTo(2)).body("audits.size()", equalTo(2))
                .body("audits[0].status", equalTo("OPEN")).body("audits[0].credential", equalTo("CPT"));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits?year=2042&page=1&size=2")
                .then().statusCode(200).body("audits.size()", equalTo(1)).body("page", equalTo(1));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits?year=2042&status=PASSED")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits?status=LOST&size=501&page=-1&credential=XYZ")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItems("status", "size", "page", "credential"));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/certificants/{id}/audits?size=0", person)
                .then().statusCode(422).body("violations.field", hasItem("size"));
    }

    private static void awaitInPool(UUID renewalId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.staff())
                .get("/api/v1/sampling/renewals/{id}", renewalId).statusCode() == 200);
    }

}
