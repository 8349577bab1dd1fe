package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.runJob;
import static org.cecplatform.audit.Fixtures.sendRenewed;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audit queue's due dates: "due within N days" of the service's today (overdue audits included), sorted overdue
 * first and then soonest due, with the count per status under the same filters. CPT is sampled at 100 % in tests.
 */
@QuarkusTest
class AuditQueueTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void dueWithinKeepsTheAuditsDueSoonAndTheOverdueOnesOverdueFirst() {
        // three audits of 2047, due 4 Feb (missed by 10 Feb), 3 Mar and 12 Mar
        String missed = openAuditOn(LocalDate.of(2047, 1, 5));
        String soon = openAuditOn(LocalDate.of(2047, 2, 1));
        String later = openAuditOn(LocalDate.of(2047, 2, 10));
        runJob("audit-deadlines");
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits/{id}", missed)
                .then().statusCode(200).body("status", equalTo("OVERDUE")).body("proofDueOn", equalTo("2047-02-04"));

        // today 10 Feb + 25 days = 7 Mar: the overdue audit first, then the one due 3 Mar; 12 Mar is too late
        given().auth().oauth2(TestTokens.auditor()).get("/api/v1/audits?year=2047&dueWithin=25&sort=dueOn")
                .then().statusCode(200)
                .body("today", equalTo("2047-02-10"))
                .body("totalItems", equalTo(2))
                .body("audits.auditId", contains(missed, soon))
                .body("audits[1].dueOn", equalTo("2047-03-03"))
                .body("countsByStatus.OVERDUE", equalTo(1)).body("countsByStatus.OPEN", equalTo(1))
                .body("countsByStatus.PASSED", equalTo(0));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits?year=2047&sort=dueOn")
                .then().statusCode(200).body("audits.auditId", contains(missed, soon, later));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits?year=2047&status=OPEN&dueWithin=0")
                .then().statusCode(200).body("totalItems", equalTo(0))
                .body("countsByStatus.OVERDUE", equalTo(1)).body("countsByStatus.OPEN", equalTo(0));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits?year=2047")
                .then().statusCode(200).body("audits.auditId", contains(later, soon, missed))
                .body("countsByStatus.OPEN", equalTo(2));
    }

    @Test
    void badDueWithinOrSortValuesAreRefusedNamingTheParameter() {
        for (String bad : new String[] {"-1", "401", "soon"}) {
            given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits?dueWithin={d}", bad)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("violations.field", hasItem("dueWithin"));
        }
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/audits?sort=proofDue")
                .then().statusCode(422).body("violations.field", contains("sort"));
    }

    private String openAuditOn(LocalDate day) {
        clock.set(ny(day + "T12:00"));
        String person = person();
        sendRenewed(renewal(person, "CPT", day.minusDays(1)));
        return awaitAudit(person, 1);
    }
}
