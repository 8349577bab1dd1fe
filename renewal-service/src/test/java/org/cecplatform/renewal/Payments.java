package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.contract.payments.PaymentSignature;
import org.cecplatform.testsupport.TestTokens;

/** The payment provider as the tests play it: notifications signed with the test profile's webhook secret. */
final class Payments {

    /** {@code %test.cec.payments.webhook-secret} in application.properties. */
    static final String SECRET = "test-webhook-secret";

    private Payments() {
    }

    /** Pays exactly what the renewal asks (amount, currency, reference), as a new provider event. */
    static ValidatableResponse pay(String renewalId) {
        Map<String, Object> due = given().auth().oauth2(TestTokens.staff()).when().get("/api/v1/renewals/" + renewalId)
                .then().statusCode(200).extract().path("payment");
        return notify(notice("evt_" + UUID.randomUUID(), "SUCCEEDED", (String) due.get("reference"),
                new BigDecimal(String.valueOf(due.get("amount"))), (String) due.get("currency")));
    }

    static String notice(String eventId, String status, String reference, BigDecimal amount, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("status", status);
        body.put("reference", reference);
        body.put("amount", amount);
        body.put("currency", currency);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code body} signed now with the right secret. */
    static ValidatableResponse notify(String body) {
        return send(body, signature(SECRET, Instant.now(), body));
    }

    static String signature(String secret, Instant at, String body) {
        return PaymentSignature.header(secret, at.getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
    }

    static ValidatableResponse send(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header(PaymentSignature.HEADER, signature);
        }
        return request.when().post("/api/v1/payments/webhook").then();
    }

    static ValidatableResponse unmatched() {
        return given().auth().oauth2(TestTokens.staff()).when().get("/api/v1/payments/unmatched?size=500").then();
    }
}
