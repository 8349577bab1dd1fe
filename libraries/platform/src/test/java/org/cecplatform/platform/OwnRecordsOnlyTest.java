package org.cecplatform.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class OwnRecordsOnlyTest {

    @Test
    void aCertificantUsesTheirOwnRecords() {
        given().auth().oauth2(TestTokens.certificant("c-100")).contentType(ContentType.JSON).body("{\"text\":\"mine\"}")
                .when().post("/api/v1/certificants/c-100/notes")
                .then().statusCode(200).body("certificantId", equalTo("c-100"));
    }

    @Test
    void someoneElsesRecordIs403EvenWithAnInvalidBody() {
        given().auth().oauth2(TestTokens.certificant("c-100")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/certificants/c-200/notes")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:forbidden"));
        given().auth().oauth2(TestTokens.certificant("c-100")).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/v1/certificants/c-200/notes")
                .then().statusCode(403);
    }

    @Test
    void staffActOnAnyone() {
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body("{\"text\":\"by staff\"}")
                .when().post("/api/v1/certificants/c-200/notes")
                .then().statusCode(200);
    }

    @Test
    void anInvalidBodyFromTheOwnerIs422AndNoTokenIs401() {
        given().auth().oauth2(TestTokens.certificant("c-100")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/certificants/c-100/notes")
                .then().statusCode(422).body("violations[0].field", equalTo("text"));
        given().contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/v1/certificants/c-100/notes")
                .then().statusCode(401);
        given().auth().oauth2("not.a.token").contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/v1/certificants/c-100/notes")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theTokensSubDecidesWhoseRecordsTheyAreNeverItsUpn() {
        String upnNamesSomeoneElse = TestTokens.withUpn("certificant", "c-100", "c-200");
        given().auth().oauth2(upnNamesSomeoneElse).contentType(ContentType.JSON).body("{\"text\":\"mine\"}")
                .when().post("/api/v1/certificants/c-100/notes")
                .then().statusCode(200).body("recordedBy", equalTo("c-100"));
        given().auth().oauth2(upnNamesSomeoneElse).contentType(ContentType.JSON).body("{\"text\":\"theirs\"}")
                .when().post("/api/v1/certificants/c-200/notes")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.withUpn("staff", "staff-7", "alice@example.org")).contentType(ContentType.JSON)
                .body("{\"text\":\"by staff\"}")
                .when().post("/api/v1/certificants/c-200/notes")
                .then().statusCode(200).body("recordedBy", equalTo("staff-7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad%20id", "bad%20id%3F%23x", ".leading-dot", "a%2Fb", "c-100;x=1", "c-100%3Bx",
            "%E2%80%AE", "%00", "%25", "a+b"})
    void aPathIdThatIsNoCertificantIdIs422NamingTheFieldBeforeTheBodyIsRead(String rawId) {
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body("{}")
                .urlEncodingEnabled(false)
                .when().post("/api/v1/certificants/" + rawId + "/notes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:validation"))
                .body("violations[0].field", equalTo("certificantId"));
    }

    @Test
    void sixtyFiveCharactersAre422AndSixtyFourAreAnId() {
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/v1/certificants/" + "c".repeat(64) + "/notes")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/v1/certificants/" + "c".repeat(65) + "/notes")
                .then().statusCode(422).body("violations[0].field", equalTo("certificantId"));
    }

    @Test
    void withoutATokenABadPathIdIsStill401() {
        given().contentType(ContentType.JSON).body("{\"text\":\"x\"}").urlEncodingEnabled(false)
                .when().post("/api/v1/certificants/bad%20id/notes")
                .then().statusCode(401);
    }
}
