package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.audit.Fixtures.audit;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.runJob;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.cecplatform.audit.Fixtures.status;
import static org.cecplatform.audit.Fixtures.submit;
import static org.cecplatform.audit.Fixtures.uploadPng;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outcomes report (GET /api/v1/sampling/{year}/outcomes) over audits of 2044 brought to every end state through
 * the API: passed, passed after remediation, failed on review, overdue, still open, and one selected by hand. CPT is
 * sampled at 100 % in tests and CET at 0 %, so every CPT renewal is drawn and a CET one is audited only by hand.
 */
@QuarkusTest
class AuditOutcomesTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void aYearsAuditsAreCountedPerLevelAndSelectionIntoOneEndStateEach() {
        clock.set(ny("2044-03-01T12:00"));
        String passed = openCptAudit(LocalDate.of(2044, 2, 20));
        String remediated = openCptAudit(LocalDate.of(2044, 2, 21));
        String failed = openCptAudit(LocalDate.of(2044, 2, 22));
        String overdue = openCptAudit(LocalDate.of(2044, 2, 23));

        submitItems(passed, 45);
        decide(passed, "{\"outcome\":\"PASSED\"}");
        submitItems(remediated, 30, 15);
        JsonPath items = audit(remediated).jsonPath();
        decide(remediated, "{\"outcome\":\"REMEDIATION\",\"items\":[{\"itemId\":\"" + items.getString("items[0].itemId")
                + "\",\"accepted\":true},{\"itemId\":\"" + items.getString("items[1].itemId")
                + "\",\"accepted\":false,\"disallowedReason\":\"out of scope\"}]}");
        submitItems(remediated, 15);
        decide(remediated, "{\"outcome\":\"PASSED\"}");
        submitItems(failed, 45);
        decide(failed, "{\"outcome\":\"FAILED\",\"items\":[{\"itemId\":\""
                + audit(failed).jsonPath().getString("items[0].itemId")
                + "\",\"accepted\":false,\"disallowedReason\":\"the certificate is not genuine\"}]}");

        clock.set(ny("2044-04-02T12:00")); // the proof of the untouched audit was due on 31 March
        runJob("audit-deadlines");
        assertThat(status(overdue)).isEqualTo("OVERDUE");
        String open = openCptAudit(LocalDate.of(2044, 3, 30));
        CertificationRenewedV1 cet = renewal(person(), "CET", LocalDate.of(2044, 3, 30));
        sendRenewed(cet);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.staff())
                .get("/api/v1/sampling/renewals/{id}", cet.renewalId()).statusCode() == 200);
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body(Map.of("renewalId", cet.renewalId())).post("/api/v1/audits").then().statusCode(201);
        assertThat(status(open)).isEqualTo("OPEN");

        JsonPath report = given().auth().oauth2(TestTokens.auditor()).get("/api/v1/sampling/2044/outcomes")
                .then().statusCode(200).body("year", equalTo(2044)).body("asOf", equalTo("2044-04-02"))
                .extract().jsonPath();
        assertThat(report.getList("levels.credential")).containsExactly("CEP", "EP", "CPT", "GEI", "PAPHS", "CIFT", "CET");
        assertThat(outcomes(report, "CPT", "random")).containsExactly(5, 1, 1, 1, 1, 1);
        assertThat(outcomes(report, "CPT", "byHand")).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(outcomes(report, "CET", "random")).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(outcomes(report, "CET", "byHand")).containsExactly(1, 0, 0, 0, 0, 1);
        assertThat(outcomes(report, "CET", "all")).containsExactly(1, 0, 0, 0, 0, 1);
        assertThat(outcomes(report, "GEI", "all")).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(counts(report, "all")).as("every level, both ways of selection").containsExactly(6, 1, 1, 1, 1, 2);

        // the hand-selected audit is the one the sampling report counts by hand
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/2044").then().statusCode(200)
                .body("levels.find { it.credential == 'CET' }.handSelected", equalTo(1));
    }

    @Test
    void aYearWithoutAuditsListsEveryLevelWithNothing() {
        JsonPath report = given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/1999/outcomes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("levels")).hasSize(7);
        assertThat(counts(report, "all")).containsExactly(0, 0, 0, 0, 0, 0);
    }

    @Test
    void aYearThatIsNoCalendarYearIsRefusedNamingTheField() {
        for (String bad : new String[] {"twenty", "0", "10000"}) {
            given().auth().oauth2(TestTokens.auditor()).get("/api/v1/sampling/{year}/outcomes", bad)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("year"));
        }
    }

    /** A new person's CPT renewal of that day, and its audit (every CPT renewal is drawn in tests). */
    private static String openCptAudit(LocalDate renewedOn) {
        String person = person();
        sendRenewed(renewal(person, "CPT", renewedOn));
        return awaitAudit(person, 1);
    }

    /** The person submits one item per CECs figure, each with a certificate, completed inside the counted window. */
    private static void submitItems(String auditId, int... cecs) {
        String person = audit(auditId).jsonPath().getString("certificantId");
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < cecs.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"title\":\"Workshop ").append(i).append("\",\"provider\":\"NSCA\",")
                    .append("\"completedOn\":\"2043-05-01\",\"cecs\":").append(cecs[i])
                    .append(",\"category\":\"GENERAL\",\"documentIds\":[\"").append(uploadPng(person, auditId)).append("\"]}");
        }
        submit(person, auditId, body.append("]}").toString()).then().statusCode(200);
    }

    private static void decide(String auditId, String decision) {
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(decision)
                .post("/api/v1/audits/{id}/decision", auditId).then().statusCode(200);
    }

    /** opened, passed, remediated, failed, overdue, inProgress of one level's audits selected one way. */
    private static List<Integer> outcomes(JsonPath report, String level, String selection) {
        return counts(report, "levels.find { it.credential == '" + level + "' }." + selection);
    }

    private static List<Integer> counts(JsonPath report, String path) {
        return Stream.of("opened", "passed", "remediated", "failed", "overdue", "inProgress")
                .map(field -> report.getInt(path + "." + field)).toList();
    }
}
