package org.cecplatform.ledger.api;

import static org.cecplatform.ledger.LedgerFixtures.as;
import static org.cecplatform.ledger.LedgerFixtures.credit;
import static org.cecplatform.ledger.LedgerFixtures.creditsPath;
import static org.cecplatform.ledger.LedgerFixtures.newCertificant;
import static org.cecplatform.ledger.LedgerFixtures.selfReportedId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CreditHistoryTest {

    /** Four credits of one person, reported out of order: 2026-01-10 (2 CEC), 2026-06-01 (5), 2025-11-20 (3), 2026-06-01 (1.5). */
    private static String[] fourCredits(String person) {
        String jan = selfReportedId(person, credit("GENERAL", "2026-01-10", 2, "CEC"));
        String juneFirst = selfReportedId(person, credit("GENERAL", "2026-06-01", 0.5, "CEU"));
        String nov = selfReportedId(person, credit("PUBLICATION", "2025-11-20", 3, "CONTACT_HOUR"));
        String juneSecond = selfReportedId(person, credit("PRESENTATION", "2026-06-01", 1.5, "CME"));
        return new String[] {jan, juneFirst, nov, juneSecond};
    }

    @Test
    void theHistoryIsNewestCompletionFirstThenNewestRecordedWithTotalsByCategory() {
        String person = newCertificant();
        String[] ids = fourCredits(person);

        as(TestTokens.certificant(person)).get(creditsPath(person)).then().statusCode(200)
                .body("certificantId", equalTo(person))
                .body("credits.creditId", contains(ids[3], ids[1], ids[0], ids[2]))
                .body("totalItems", equalTo(4))
                .body("totals.cecs", equalTo(11.5f))
                .body("totals.byCategory.GENERAL", equalTo(7.0f))
                .body("totals.byCategory.PUBLICATION", equalTo(3.0f))
                .body("totals.byCategory.PRESENTATION", equalTo(1.5f))
                .body("totals.byCategory.COMMITTEE_SERVICE", equalTo(0.0f))
                .body("totals.byCategory.CPR_AED_FIRST_AID", equalTo(0.0f))
                .body("totals.byCategory.COLLEGE_COURSE", equalTo(0.0f));
    }

    @Test
    void fromAndToFilterOnTheCompletionDateAndTheTotalsCoverOnlyThatRange() {
        String person = newCertificant();
        String[] ids = fourCredits(person);

        as(TestTokens.staff()).queryParam("from", "2026-01-01").queryParam("to", "2026-05-31")
                .get(creditsPath(person)).then().statusCode(200)
                .body("credits.creditId", contains(ids[0]))
                .body("totals.cecs", equalTo(2.0f));
        as(TestTokens.auditor()).queryParam("from", "2026-01-10")
                .get(creditsPath(person)).then().statusCode(200)
                .body("credits.creditId", containsInAnyOrder(ids[0], ids[1], ids[3]))
                .body("totals.cecs", equalTo(8.5f));
        as(TestTokens.staff()).queryParam("to", "2026-01-10")
                .get(creditsPath(person)).then().statusCode(200)
                .body("credits.creditId", contains(ids[0], ids[2]));
    }

    @Test
    void pagesSplitTheListWhileTheTotalsCoverEveryPage() {
        String person = newCertificant();
        String[] ids = fourCredits(person);

        as(TestTokens.staff()).queryParam("page", 1).queryParam("size", 3).get(creditsPath(person)).then()
                .statusCode(200)
                .body("credits.creditId", contains(ids[2]))
                .body("page", equalTo(1))
                .body("size", equalTo(3))
                .body("totalItems", equalTo(4))
                .body("totals.cecs", equalTo(11.5f));
        as(TestTokens.staff()).queryParam("page", 5).get(creditsPath(person)).then()
                .statusCode(200).body("credits", hasSize(0)).body("totalItems", equalTo(4));
    }

    @Test
    void aPersonWithoutCreditsHasAnEmptyHistoryWithZeroTotals() {
        String person = newCertificant();
        as(TestTokens.certificant(person)).get(creditsPath(person)).then().statusCode(200)
                .body("credits", hasSize(0))
                .body("totalItems", equalTo(0))
                .body("totals.cecs", equalTo(0.0f))
                .body("totals.byCategory.GENERAL", equalTo(0.0f));
    }

    @Test
    void badPagingOrDatesAre422NamingEveryParameter() {
        String person = newCertificant();
        as(TestTokens.staff()).queryParam("page", -1).queryParam("size", 501).queryParam("from", "yesterday")
                .queryParam("to", "2026-02-30").get(creditsPath(person)).then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("page", "size", "from", "to"));
        as(TestTokens.staff()).queryParam("size", 0).get(creditsPath(person)).then().statusCode(422)
                .body("violations.field", contains("size"));
        as(TestTokens.staff()).queryParam("size", "ten").get(creditsPath(person)).then().statusCode(422);
        as(TestTokens.staff()).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .get(creditsPath(person)).then().statusCode(422).body("violations.field", contains("from"));
        as(TestTokens.staff()).queryParam("size", 500).get(creditsPath(person)).then().statusCode(200);
    }

    @Test
    void oneCreditCanBeReadByItsOwnerStaffAndAuditorsButNotThroughAnotherPerson() {
        String person = newCertificant();
        String other = newCertificant();
        String id = selfReportedId(person, credit("GENERAL", "2026-01-10", 2, "CEC"));

        as(TestTokens.certificant(person)).get(creditsPath(person) + "/" + id).then().statusCode(200)
                .body("creditId", equalTo(id)).body("cecs", equalTo(2.0f));
        as(TestTokens.auditor()).get(creditsPath(person) + "/" + id).then().statusCode(200);
        as(TestTokens.staff()).get(creditsPath(other) + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.certificant(other)).get(creditsPath(person) + "/" + id).then().statusCode(403);
        as(TestTokens.staff()).get(creditsPath(person) + "/not-a-uuid").then().statusCode(404);
    }
}
