package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.Fixtures.decimal;
import static org.cecplatform.renewal.Fixtures.form;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.cecplatform.renewal.Fixtures.requestRenewal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestDatabase;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The payment provider's webhook on the real database and broker: only a fresh notification signed with the webhook
 * secret is heard; a redelivery changes nothing; a genuine payment that matches no waiting renewal is kept for a refund;
 * an unpaid renewal expires and changes no certification (only its request's expiry is published).
 */
@QuarkusTest
class PaymentWebhookTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    /** A CPT holder due to renew, and their renewal request waiting for its 60 USD: {person, renewalId, reference}. */
    private String[] pendingRenewal() {
        clock.set(newYork("2027-06-15T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        ValidatableResponse requested = requestRenewal(person, form(List.of("CPT"), "45", "2027-01-10", "2029-01-10"))
                .statusCode(202);
        return new String[] {person, requested.extract().path("renewalId"), requested.extract().path("payment.reference")};
    }

    private static String paid(String eventId, String reference, String amount, String currency) {
        return Payments.notice(eventId, "SUCCEEDED", reference, new BigDecimal(amount), currency);
    }

    private static long notifications(String eventId) {
        return TestDatabase.firstRow("select count(*) from payment_notification where provider_event_id = ?",
                rs -> rs.getLong(1), eventId).orElseThrow();
    }

    private static void stillPending(String person, String renewalId) {
        given().auth().oauth2(TestTokens.certificant(person)).when().get("/api/v1/renewals/" + renewalId)
                .then().statusCode(200).body("status", equalTo("PENDING"));
        Fixtures.certifications(person).statusCode(200).body("certifications[0].cycleEnd", equalTo("2027-12-31"));
    }

    @Test
    void aForgedStaleOrUnsignedNotificationIs400AndRecordsNothing() {
        String[] p = pendingRenewal();
        String eventId = "evt_" + UUID.randomUUID();
        String body = paid(eventId, p[2], "60.00", "USD");

        Payments.send(body, null).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:invalid-signature"));
        Payments.send(body, Payments.signature("not-the-secret", Instant.now(), body)).statusCode(400)
                .body("detail", containsString("does not match"));
        Payments.send(body, Payments.signature(Payments.SECRET, Instant.now().minus(Duration.ofMinutes(6)), body))
                .statusCode(400).body("detail", containsString("stale"));
        Payments.send(body, Payments.signature(Payments.SECRET, Instant.now().plus(Duration.ofMinutes(6)), body))
                .statusCode(400);
        // A body changed after signing: the signature was made for other bytes.
        String signed = Payments.signature(Payments.SECRET, Instant.now(), body);
        Payments.send(body.replace("60.00", "0.01"), signed).statusCode(400);
        Payments.send(body, "t=abc,v1=00").statusCode(400);

        assertThat(notifications(eventId)).isZero();
        stillPending(p[0], p[1]);
    }

    @Test
    void aRightPaymentRenewsOnceAndARedeliveryChangesNothing() {
        String[] p = pendingRenewal();
        String body = paid("evt_" + UUID.randomUUID(), p[2], "60", "USD");

        Payments.notify(body).statusCode(200).body("outcome", equalTo("RENEWED")).body("renewalId", equalTo(p[1]));
        Payments.notify(body).statusCode(200).body("outcome", equalTo("RENEWED")).body("renewalId", equalTo(p[1]));

        given().auth().oauth2(TestTokens.certificant(p[0])).when().get("/api/v1/renewals/" + p[1])
                .then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("payment.amount", decimal("60.00")).body("payment.reference", equalTo(p[2]))
                .body("renewedOn", equalTo("2027-06-15"));
        assertThat(Fixtures.published(p[0], EventTypes.CERTIFICATION_RENEWED_V2, 1)).hasSize(1);
        assertThat(Fixtures.allPublished(p[0], Duration.ofSeconds(2)).stream()
                .filter(r -> EventTypes.CERTIFICATION_RENEWED_V2.equals(TestKafka.header(r, CloudEventHeaders.TYPE))))
                .as("the redelivery renewed nothing more").hasSize(1);
        Fixtures.certifications(p[0]).statusCode(200).body("certifications[0].cycleEnd", equalTo("2030-12-31"));

        // A second, different payment of the same renewal is money to refund.
        String again = "evt_" + UUID.randomUUID();
        Payments.notify(paid(again, p[2], "60", "USD")).statusCode(200).body("outcome", equalTo("UNMATCHED"))
                .body("reason", containsString("already paid"));
        Payments.unmatched().statusCode(200).body("payments.eventId", hasItem(again));
    }

    @Test
    void aGenuinePaymentThatMatchesNothingIsKeptForStaffAndRenewsNothing() {
        String[] p = pendingRenewal();
        String short1 = "evt_" + UUID.randomUUID();
        String euros = "evt_" + UUID.randomUUID();
        String unknown = "evt_" + UUID.randomUUID();

        Payments.notify(paid(short1, p[2], "59.99", "USD")).statusCode(200).body("outcome", equalTo("UNMATCHED"))
                .body("reason", containsString("due exactly 60.00 USD"));
        Payments.notify(paid(euros, p[2], "60.00", "EUR")).statusCode(200).body("outcome", equalTo("UNMATCHED"));
        Payments.notify(paid(unknown, "RNW-NOSUCHREFERENCE0000", "60.00", "USD")).statusCode(200)
                .body("outcome", equalTo("UNMATCHED")).body("reason", containsString("no renewal"));
        stillPending(p[0], p[1]);

        Payments.unmatched().statusCode(200)
                .body("payments.find { it.eventId == '" + short1 + "' }.amount", decimal("59.99"))
                .body("payments.find { it.eventId == '" + short1 + "' }.renewalId", equalTo(p[1]))
                .body("payments.find { it.eventId == '" + euros + "' }.currency", equalTo("EUR"))
                .body("payments.find { it.eventId == '" + unknown + "' }.reference", equalTo("RNW-NOSUCHREFERENCE0000"));
        given().auth().oauth2(TestTokens.certificant(p[0])).when().get("/api/v1/payments/unmatched").then()
                .statusCode(403);

        // The right payment still renews after the wrong ones; a failed payment confirms nothing.
        Payments.notify(Payments.notice("evt_" + UUID.randomUUID(), "FAILED", p[2], null, null)).statusCode(200)
                .body("outcome", equalTo("NOT_PAID"));
        stillPending(p[0], p[1]);
        Payments.notify(paid("evt_" + UUID.randomUUID(), p[2], "60.00", "USD")).statusCode(200)
                .body("outcome", equalTo("RENEWED"));
    }

    @Test
    void aSignedButIncompleteOrMalformedNotificationIsRefusedAndRecordsNothing() {
        String[] p = pendingRenewal();
        String eventId = "evt_" + UUID.randomUUID();
        Payments.notify(Payments.notice(eventId, "SUCCEEDED", p[2], null, "USD")).statusCode(422)
                .body("violations.field", hasItem("amount"));
        Payments.notify("[1,2]").statusCode(400).body("type", equalTo("urn:cec:problem:malformed-json"));
        assertThat(notifications(eventId)).isZero();
        stillPending(p[0], p[1]);
    }

    @Test
    void anUnpaidRenewalExpiresAfter24HoursChangingNothingAndALatePaymentIsKeptForARefund() {
        String[] p = pendingRenewal();
        clock.set(newYork("2027-06-16T09:59"));
        Fixtures.runJob("pending-renewals").statusCode(200).body("summary", containsString("unpaid renewal"));
        stillPending(p[0], p[1]);

        clock.set(newYork("2027-06-16T10:01"));
        Fixtures.runJob("pending-renewals").statusCode(200);
        given().auth().oauth2(TestTokens.certificant(p[0])).when().get("/api/v1/renewals/" + p[1])
                .then().statusCode(200).body("status", equalTo("EXPIRED"));
        given().auth().oauth2(TestTokens.certificant(p[0])).when().get("/api/v1/certificants/" + p[0] + "/renewals")
                .then().statusCode(200).body("totalItems", decimal("0"))
                .body("awaitingPayment.renewalId", not(hasItem(p[1])));
        Fixtures.certifications(p[0]).statusCode(200).body("certifications[0].cycleEnd", equalTo("2027-12-31"))
                .body("certifications[0].renewable", equalTo(true));
        assertThat(Fixtures.allPublished(p[0], Duration.ofSeconds(1)).stream()
                .map(r -> TestKafka.header(r, CloudEventHeaders.TYPE))).containsExactly(EventTypes.CERTIFICATION_GRANTED,
                EventTypes.RENEWAL_PAYMENT_REQUESTED, EventTypes.PENDING_RENEWAL_EXPIRED);

        Payments.notify(paid("evt_" + UUID.randomUUID(), p[2], "60.00", "USD")).statusCode(200)
                .body("outcome", equalTo("UNMATCHED")).body("reason", containsString("expired"));
        Fixtures.certifications(p[0]).statusCode(200).body("certifications[0].cycleEnd", equalTo("2027-12-31"));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameRenewalAndAnotherRequestUnderItIsRefused() {
        clock.set(newYork("2027-06-15T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        Map<String, Object> form = form(List.of("CPT"), "45", "2027-01-10", "2029-01-10");
        String key = "renew-" + UUID.randomUUID();

        String first = given().auth().oauth2(TestTokens.certificant(person)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(form).when().post("/api/v1/certificants/" + person + "/renewals")
                .then().statusCode(202).extract().path("renewalId");
        given().auth().oauth2(TestTokens.certificant(person)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(form).when().post("/api/v1/certificants/" + person + "/renewals")
                .then().statusCode(202).body("renewalId", equalTo(first));
        given().auth().oauth2(TestTokens.certificant(person)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(form(List.of("CPT"), "50", "2027-01-10", "2029-01-10"))
                .when().post("/api/v1/certificants/" + person + "/renewals")
                .then().statusCode(422).body("type", equalTo("urn:cec:problem:idempotency-key-reused"));

        given().auth().oauth2(TestTokens.certificant(person)).when().get("/api/v1/certificants/" + person + "/renewals")
                .then().statusCode(200).body("awaitingPayment.renewalId", org.hamcrest.Matchers.contains(first));
    }
}
