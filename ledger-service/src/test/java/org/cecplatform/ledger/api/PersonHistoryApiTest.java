package org.cecplatform.ledger.api;

import static org.cecplatform.ledger.LedgerFixtures.as;
import static org.cecplatform.ledger.LedgerFixtures.credit;
import static org.cecplatform.ledger.LedgerFixtures.creditsPath;
import static org.cecplatform.ledger.LedgerFixtures.newCertificant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.testsupport.HistoryChecks;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonHistoryApiTest {

    private static String historyPath(String certificantId) {
        return "/api/v1/certificants/" + certificantId + "/history";
    }

    /** The person reports 1.5 CEC, staff enter 0.5 CEU (5 CECs) and then void it: three events. */
    private static Map<String, String> twoCreditsOneVoided(String person) {
        Map<String, Object> kettlebell = credit("GENERAL", "2026-03-02", 1.5, "CEC");
        kettlebell.put("title", "Kettlebell basics");
        String kept = as(TestTokens.certificant(person)).body(kettlebell).post(creditsPath(person)).then()
                .statusCode(201).extract().path("creditId");
        String voided = as(TestTokens.staff()).body(credit("GENERAL", "2026-02-10", 0.5, "CEU"))
                .post(creditsPath(person)).then().statusCode(201).extract().path("creditId");
        as(TestTokens.staff()).body(Map.of("reason", "duplicate entry"))
                .post(creditsPath(person) + "/" + voided + "/void").then().statusCode(200);
        // as stored: the times the events carry
        JsonPath stored = as(TestTokens.staff()).get(creditsPath(person) + "/" + voided).then().statusCode(200)
                .extract().jsonPath();
        return Map.of("kept", kept, "voided", voided, "enteredAt", stored.getString("recordedAt"),
                "voidedAt", stored.getString("voidedAt"));
    }

    @Test
    void theHistoryListsEveryLedgerEventOldestFirstWithWhoDidItAndTheKeyFacts() {
        String person = newCertificant();
        Map<String, String> credits = twoCreditsOneVoided(person);

        JsonPath history = as(TestTokens.certificant(person)).get(historyPath(person)).then().statusCode(200)
                .body("certificantId", equalTo(person))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("totalItems", equalTo(3))
                .body("events.type", contains(EventTypes.CEC_EARNED, EventTypes.CEC_EARNED, EventTypes.CEC_VOIDED))
                .body("events.published", contains(true, true, true))
                .body("events.actor", contains(person, "staff-1", "staff-1"))
                .body("events.summary", contains(
                        "Recorded 1.5 CEC GENERAL 'Kettlebell basics', completed 2026-03-02 (SELF_REPORTED,"
                                + " unverified)",
                        "Recorded 5 CEC GENERAL 'Strength training for older adults' (0.5 CEU), completed 2026-02-10"
                                + " (STAFF_ENTERED, unverified)",
                        "Voided credit " + credits.get("voided").substring(0, 8) + "… of 5 CEC GENERAL, completed"
                                + " 2026-02-10 (duplicate entry)"))
                .body("events[1].occurredAt", equalTo(credits.get("enteredAt")))
                .body("events[2].occurredAt", equalTo(credits.get("voidedAt")))
                .extract().jsonPath();

        HistoryChecks.publishedAsOnKafka(history, Topics.LEDGER, person);
    }

    @Test
    void pagesAreOldestFirstAndCountTheWholeHistory() {
        String person = newCertificant();
        twoCreditsOneVoided(person);

        as(TestTokens.auditor()).queryParam("page", 2).queryParam("size", 1).get(historyPath(person)).then()
                .statusCode(200)
                .body("page", equalTo(2))
                .body("size", equalTo(1))
                .body("totalItems", equalTo(3))
                .body("events.type", contains(EventTypes.CEC_VOIDED));
        as(TestTokens.staff()).queryParam("page", 3).queryParam("size", 1).get(historyPath(person)).then()
                .statusCode(200).body("events", empty()).body("totalItems", equalTo(3));
        as(TestTokens.staff()).queryParam("size", 0).get(historyPath(person)).then().statusCode(422)
                .body("violations.field", contains("size"));
    }

    @Test
    void aPersonSeesOnlyTheirOwnHistory_someoneElsesIs403_anUnknownPersonsIsEmpty() {
        String person = newCertificant();
        String other = newCertificant();
        twoCreditsOneVoided(person);
        as(TestTokens.certificant(other)).body(credit("GENERAL", "2026-01-10", 2, "CEC")).post(creditsPath(other))
                .then().statusCode(201);

        as(TestTokens.certificant(other)).get(historyPath(person)).then().statusCode(403);
        as(TestTokens.certificant(other)).get(historyPath(other)).then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("events.actor", contains(other));
        as(TestTokens.staff()).get(historyPath(newCertificant())).then().statusCode(200)
                .body("events", empty()).body("totalItems", equalTo(0));
        as(TestTokens.staff()).get(historyPath("bad%20id")).then().statusCode(422)
                .body("violations.field", contains("certificantId"));
    }
}
