package org.cecplatform.ledger;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.testsupport.TestDatabase;
import org.cecplatform.testsupport.TestTokens;

/** Requests and database look-ups the ledger's @QuarkusTests share. */
public final class LedgerFixtures {

    private LedgerFixtures() {
    }

    public static String newCertificant() {
        return "cert-" + UUID.randomUUID();
    }

    public static String creditsPath(String certificantId) {
        return "/api/v1/certificants/" + certificantId + "/credits";
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A valid self-report body: 0.5 CEU of general education, completed on {@code completedOn}. */
    public static Map<String, Object> ceuCredit(String completedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Strength training for older adults");
        body.put("provider", "NSCA");
        body.put("providerKind", "MAJOR_FITNESS_ORGANIZATION");
        body.put("category", "GENERAL");
        body.put("completedOn", completedOn);
        body.put("amount", 0.5);
        body.put("unit", "CEU");
        body.put("inScope", true);
        return body;
    }

    public static Map<String, Object> credit(String category, String completedOn, Object amount, String unit) {
        Map<String, Object> body = ceuCredit(completedOn);
        body.put("category", category);
        body.put("amount", amount);
        body.put("unit", unit);
        return body;
    }

    /** Self-reports a credit as the certificant; returns the 201 response. */
    public static ValidatableResponse selfReport(String certificantId, Map<String, Object> body) {
        return as(TestTokens.certificant(certificantId)).body(body).post(creditsPath(certificantId))
                .then().statusCode(201);
    }

    public static String selfReportedId(String certificantId, Map<String, Object> body) {
        return selfReport(certificantId, body).extract().path("creditId");
    }

    public static ValidatableResponse history(String certificantId) {
        return as(TestTokens.staff()).get(creditsPath(certificantId)).then().statusCode(200);
    }

    /** One row of the event log, as stored. */
    public record LoggedEvent(UUID eventId, long sequence, String type, String topic, String partitionKey,
                              String payload) {
    }

    public static List<LoggedEvent> eventLog(String aggregateId) {
        return TestDatabase.allRows("select event_id, sequence, event_type, topic, partition_key, payload::text"
                + " from event_log where aggregate_id = ? order by sequence", rs -> new LoggedEvent(
                rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6)), aggregateId);
    }

    public static long creditRows(String certificantId) {
        return TestDatabase.firstRow("select count(*) from credit where certificant_id = ?", rs -> rs.getLong(1),
                certificantId).orElseThrow();
    }
}
