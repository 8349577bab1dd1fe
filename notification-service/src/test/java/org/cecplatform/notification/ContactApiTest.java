package org.cecplatform.notification;

import static io.restassured.RestAssured.given;
import static org.cecplatform.notification.Fixtures.person;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Contact addresses, reminder preferences and the list of notices, on the real database. */
@QuarkusTest
class ContactApiTest {

    @Test
    void aPersonSetsTheirAddressAndStaffReadIt_noneIs404() {
        String person = person();
        given().auth().oauth2(TestTokens.certificant(person)).get("/api/v1/certificants/{id}/contact", person)
                .then().statusCode(404).contentType("application/problem+json");

        putContact(TestTokens.certificant(person), person, Map.of("email", "ana.silva@example.org"))
                .statusCode(200).body("email", equalTo("ana.silva@example.org"));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/certificants/{id}/contact", person)
                .then().statusCode(200).body("certificantId", equalTo(person)).body("email", equalTo("ana.silva@example.org"));

        putContact(TestTokens.staff(), person, Map.of("email", "ana@example.com")).statusCode(200);
        given().auth().oauth2(TestTokens.certificant(person)).get("/api/v1/certificants/{id}/contact", person)
                .then().statusCode(200).body("email", equalTo("ana@example.com"));
    }

    @Test
    void anInvalidAddressIs422AndChangesNothing() {
        String person = person();
        putContact(TestTokens.certificant(person), person, Map.of("email", "ana@example.org")).statusCode(200);
        for (String bad : new String[] {"not-an-address", "Ana <ana@example.org>", "ana@example.org\r\nBcc: x@y.org",
                "a b@example.org", "", "x".repeat(250) + "@example.org"}) {
            putContact(TestTokens.certificant(person), person, Map.of("email", bad)).statusCode(422)
                    .contentType("application/problem+json").body("violations.field", hasItem("email"));
        }
        given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/certificants/{id}/contact", person).then().statusCode(422);
        given().auth().oauth2(TestTokens.certificant(person)).get("/api/v1/certificants/{id}/contact", person)
                .then().statusCode(200).body("email", equalTo("ana@example.org"));
    }

    @Test
    void nobodyElseReadsOrSetsSomeonesAddress() {
        String person = person();
        String other = person();
        putContact(TestTokens.certificant(other), person, Map.of("email", "evil@example.org")).statusCode(403);
        putContact(TestTokens.auditor(), person, Map.of("email", "evil@example.org")).statusCode(403);
        given().auth().oauth2(TestTokens.certificant(other)).get("/api/v1/certificants/{id}/contact", person)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/certificants/{id}/contact", person)
                .then().statusCode(404);
    }

    @Test
    void aPersonTurnsRemindersOffAndOn_auditNoticesStayOn() {
        String person = person();
        given().auth().oauth2(TestTokens.certificant(person))
                .get("/api/v1/certificants/{id}/notification-preferences", person)
                .then().statusCode(200).body("reminders", equalTo(true)).body("auditNotices", equalTo(true));
        putPreferences(person, "{\"reminders\": false}").statusCode(200).body("reminders", equalTo(false));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/certificants/{id}/notification-preferences", person)
                .then().statusCode(200).body("reminders", equalTo(false)).body("auditNotices", equalTo(true));
        putPreferences(person, "{}").statusCode(422);
        putPreferences(person, "{\"reminders\": \"maybe\"}").statusCode(422);
        given().auth().oauth2(TestTokens.certificant(person))
                .get("/api/v1/certificants/{id}/notification-preferences", person)
                .then().statusCode(200).body("reminders", equalTo(false));
        putPreferences(person, "{\"reminders\": true}").statusCode(200).body("reminders", equalTo(true));
    }

    @Test
    void theNoticesOfSomeoneWithoutAnyArePagedAndEmpty_badPagingIs422() {
        String person = person();
        given().auth().oauth2(TestTokens.certificant(person)).get("/api/v1/certificants/{id}/notifications", person)
                .then().statusCode(200).body("total", equalTo(0)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("notices.size()", equalTo(0));
        given().auth().oauth2(TestTokens.certificant(person)).queryParam("size", "501")
                .get("/api/v1/certificants/{id}/notifications", person).then().statusCode(422)
                .body("violations.field", hasItem("size"));
        given().auth().oauth2(TestTokens.certificant(person())).get("/api/v1/certificants/{id}/notifications", person)
                .then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse putContact(String token, String person, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/certificants/{id}/contact", person).then();
    }

    private static io.restassured.response.ValidatableResponse putPreferences(String person, String body) {
        return given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/certificants/{id}/notification-preferences", person).then();
    }
}
