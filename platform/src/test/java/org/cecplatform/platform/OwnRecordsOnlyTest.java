package org.cecplatform.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

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
}
