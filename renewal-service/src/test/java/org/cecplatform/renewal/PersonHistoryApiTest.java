package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.cecplatform.renewal.Fixtures.dec;
import static org.cecplatform.renewal.Fixtures.form;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.cecplatform.renewal.Fixtures.renew;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.HistoryChecks;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonHistoryApiTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    private static ValidatableResponse history(String token, String person) {
        return given().auth().oauth2(token).when().get("/api/v1/certificants/" + person + "/history").then();
    }

    /**
     * Granted by staff, in grace after the cycle, renewed late by the person (the request waiting for its fee, then the
     * renewal once paid): five events.
     */
    private String grantedThenRenewedLate() {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        Fixtures.publishEarned(UUID.randomUUID(), person, "2028-02-01", "GENERAL", "12");
        clock.set(newYork("2028-03-15T10:00"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.tracked(person, "CPT").compareTo(dec("12")) == 0);
        renew(person, form(List.of("CPT"), "45", "2027-01-10", "2029-01-10")).statusCode(200);
        return person;
    }

    @Test
    void theHistoryListsThePersonsCertificationEventsOldestFirstWithWhoDidItAndTheKeyFacts() {
        String person = grantedThenRenewedLate();

        JsonPath history = history(TestTokens.certificant(person), person).statusCode(200)
                .body("certificantId", equalTo(person))
                .body("totalItems", equalTo(5))
                .body("events.type", contains(EventTypes.CERTIFICATION_GRANTED,
                        EventTypes.CERTIFICATION_STATUS_CHANGED, EventTypes.RENEWAL_PAYMENT_REQUESTED,
                        EventTypes.CERTIFICATION_RENEWED_V2, EventTypes.CERTIFICATION_STATUS_CHANGED))
                .body("events.published", contains(true, true, true, true, true))
                .body("events.actor", contains("staff-1", "system", person, person, "system"))
                .body("events.summary", contains(
                        equalTo("Granted CPT, certified on 2024-05-10, cycle 2024-05-10 to 2027-12-31"),
                        startsWith("Status ACTIVE -> GRACE for CPT, effective 2028-01-01 ("),
                        matchesPattern("Late renewal of CPT requested: pay \\d+(\\.\\d+)? USD with reference"
                                + " RNW-[0-9A-Z]{20} by 2028-03-16T14:\\d\\d:\\d\\dZ"),
                        startsWith("Renewed late CPT, cycle 2028-01-01 to 2030-12-31: 45 of 45 CECs attested, fee "),
                        startsWith("Status GRACE -> ACTIVE for CPT, effective 2028-03-15 (")))
                // the service clock's hour (it runs on from where the test set it)
                .body("events.occurredAt", contains(startsWith("2027-06-01T14:"), startsWith("2028-03-15T14:"),
                        startsWith("2028-03-15T14:"), startsWith("2028-03-15T14:"), startsWith("2028-03-15T14:")))
                .extract().jsonPath();

        HistoryChecks.publishedAsOnKafka(history, Topics.RENEWALS, person);
    }

    @Test
    void pagesAreOldestFirstAndCountTheWholeHistory() {
        String person = grantedThenRenewedLate();

        given().auth().oauth2(TestTokens.auditor()).queryParam("page", 3).queryParam("size", 1)
                .when().get("/api/v1/certificants/" + person + "/history").then().statusCode(200)
                .body("page", equalTo(3))
                .body("size", equalTo(1))
                .body("totalItems", equalTo(5))
                .body("events.type", contains(EventTypes.CERTIFICATION_RENEWED_V2));
    }

    @Test
    void aPersonSeesOnlyTheirOwnHistory_someoneElsesIs403_anUnknownPersonsIsEmpty() {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        String other = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        grant(other, "GEI", "2025-02-01").statusCode(201);

        history(TestTokens.certificant(other), person).statusCode(403);
        history(TestTokens.certificant(other), other).statusCode(200)
                .body("totalItems", equalTo(1))
                .body("events[0].summary", startsWith("Granted GEI,"));
        history(TestTokens.staff(), newPerson()).statusCode(200).body("events", empty()).body("totalItems", equalTo(0));
        history(TestTokens.staff(), "bad%20id").statusCode(422).body("violations.field", contains("certificantId"));
    }
}
