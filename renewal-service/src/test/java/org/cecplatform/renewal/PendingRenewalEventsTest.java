package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cecplatform.renewal.Fixtures.form;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.cecplatform.renewal.Fixtures.requestRenewal;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestDatabase;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.cecplatform.testsupport.contract.EventSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The payment process of a renewal request on cec.renewals.v1, on the real database and broker: accepting a request
 * publishes RenewalPaymentRequested with what the member was told to pay; a request that runs out of time publishes
 * PendingRenewalExpired once, whoever notices first (the job or a late payment); a paid one never expires. Neither
 * moves a certification, and a rebuild of the certifications from the event log gives the same rows.
 */
@QuarkusTest
class PendingRenewalEventsTest {

    @Inject
    ServiceClock clock;
    @Inject
    ObjectMapper json;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    /** A CPT holder due to renew; their request waiting for its fee, as the 202 answered it. */
    private record Requested(String person, JsonPath answer) {
        String renewalId() {
            return answer.getString("renewalId");
        }

        String reference() {
            return answer.getString("payment.reference");
        }
    }

    private Requested requested() {
        clock.set(newYork("2027-06-15T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        JsonPath answer = requestRenewal(person, form(List.of("CPT"), "45", "2027-01-10", "2029-01-10"))
                .statusCode(202).extract().jsonPath();
        return new Requested(person, answer);
    }

    private JsonNode body(ConsumerRecord<String, String> record) throws Exception {
        EventSchemas.assertValid(record);
        return json.readTree(record.value());
    }

    private static List<String> recorded(String person) {
        return TestDatabase.allRows("select event_type from event_log where aggregate_id = ? order by sequence",
                rs -> rs.getString(1), person);
    }

    @Test
    void anAcceptedRequestPublishesWhatToPayByWhenOnceEvenWhenItIsSentAgain() throws Exception {
        clock.set(newYork("2027-06-15T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        String key = "renew-" + UUID.randomUUID();
        Map<String, Object> form = form(List.of("CPT"), "45", "2027-01-10", "2029-01-10");
        JsonPath answer = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            answer = given().auth().oauth2(TestTokens.certificant(person)).header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(form).when().post("/api/v1/certificants/" + person + "/renewals")
                    .then().statusCode(202).extract().jsonPath();
        }

        List<ConsumerRecord<String, String>> published = Fixtures.published(person,
                EventTypes.RENEWAL_PAYMENT_REQUESTED, 1);
        assertThat(published).hasSize(1);
        ConsumerRecord<String, String> record = published.get(0);
        assertThat(record.key()).isEqualTo(person);
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(person);
        JsonNode event = body(record);
        assertThat(event.get("renewalId").asText()).isEqualTo(answer.getString("renewalId"));
        assertThat(event.get("certificantId").asText()).isEqualTo(person);
        assertThat(event.get("kind").asText()).isEqualTo("RENEWAL").isEqualTo(answer.getString("kind"));
        assertThat(event.get("credentials").toString()).isEqualTo("[\"CPT\"]");
        assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("60")
                .isEqualByComparingTo(new BigDecimal(answer.getString("payment.amount")));
        assertThat(event.get("currency").asText()).isEqualTo("USD").isEqualTo(answer.getString("payment.currency"));
        assertThat(event.get("reference").asText()).startsWith("RNW-").isEqualTo(answer.getString("payment.reference"));
        assertThat(event.get("submittedBy").asText()).isEqualTo(person);
        Instant requestedAt = Instant.parse(event.get("requestedAt").asText());
        Instant expiresAt = Instant.parse(event.get("expiresAt").asText());
        assertThat(requestedAt).isBetween(newYork("2027-06-15T10:00"), newYork("2027-06-15T10:10"));
        // The answer to the request sent again is read back from the database, which keeps microseconds.
        assertThat(expiresAt).isEqualTo(requestedAt.plus(Duration.ofHours(24)))
                .isCloseTo(Instant.parse(answer.getString("expiresAt")), within(1, ChronoUnit.MICROS));
        assertThat(Instant.parse(TestKafka.header(record, CloudEventHeaders.TIME)))
                .isCloseTo(requestedAt, within(1, ChronoUnit.MICROS));

        // Sent again under the same key: the same request, no second event; and no certification moved.
        assertThat(recorded(person)).containsExactly(EventTypes.CERTIFICATION_GRANTED,
                EventTypes.RENEWAL_PAYMENT_REQUESTED);
        Fixtures.certifications(person).statusCode(200).body("certifications[0].cycleEnd", equalTo("2027-12-31"))
                .body("certifications[0].status", equalTo("ACTIVE"));
    }

    @Test
    void aLateRenewalRequestIsAnnouncedAfterTheGraceStatusItsCheckRecorded() throws Exception {
        clock.set(newYork("2028-02-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201); // in grace since 1 January: the request records it first
        requestRenewal(person, form(List.of("CPT"), "45", "2027-01-10", "2029-01-10")).statusCode(202)
                .body("kind", equalTo("LATE_RENEWAL"));

        JsonNode event = body(Fixtures.published(person, EventTypes.RENEWAL_PAYMENT_REQUESTED, 1).get(0));
        assertThat(event.get("kind").asText()).isEqualTo("LATE_RENEWAL");
        assertThat(recorded(person)).containsExactly(EventTypes.CERTIFICATION_GRANTED,
                EventTypes.CERTIFICATION_STATUS_CHANGED, EventTypes.RENEWAL_PAYMENT_REQUESTED);
    }

    @Test
    void anUnpaidRequestExpiresWithOneEventAndMovesNoCertification() throws Exception {
        Requested r = requested();
        clock.set(newYork("2027-06-16T09:50")); // not yet
        Fixtures.runJob("pending-renewals").statusCode(200);
        assertThat(recorded(r.person())).doesNotContain(EventTypes.PENDING_RENEWAL_EXPIRED);

        clock.set(newYork("2027-06-16T10:30"));
        // (The job sweeps every person's requests: other tests' may expire too, so only this person's are counted.)
        Fixtures.runJob("pending-renewals").statusCode(200);
        Fixtures.runJob("pending-renewals").statusCode(200);

        List<ConsumerRecord<String, String>> expired = Fixtures.published(r.person(),
                EventTypes.PENDING_RENEWAL_EXPIRED, 1);
        assertThat(expired).hasSize(1);
        JsonNode event = body(expired.get(0));
        assertThat(event.get("renewalId").asText()).isEqualTo(r.renewalId());
        assertThat(event.get("certificantId").asText()).isEqualTo(r.person());
        assertThat(event.get("reference").asText()).isEqualTo(r.reference());
        Instant expiredAt = Instant.parse(event.get("expiredAt").asText());
        assertThat(expiredAt).isAfterOrEqualTo(Instant.parse(r.answer().getString("expiresAt")))
                .isBetween(newYork("2027-06-16T10:30"), newYork("2027-06-16T10:40"));
        assertThat(recorded(r.person())).containsExactly(EventTypes.CERTIFICATION_GRANTED,
                EventTypes.RENEWAL_PAYMENT_REQUESTED, EventTypes.PENDING_RENEWAL_EXPIRED);
        given().auth().oauth2(TestTokens.certificant(r.person())).when().get("/api/v1/renewals/" + r.renewalId())
                .then().statusCode(200).body("status", equalTo("EXPIRED"));
        Fixtures.certifications(r.person()).statusCode(200).body("certifications[0].cycleEnd", equalTo("2027-12-31"));

        // The person's history tells both in words.
        given().auth().oauth2(TestTokens.certificant(r.person())).when()
                .get("/api/v1/certificants/" + r.person() + "/history").then().statusCode(200)
                .body("events.type", org.hamcrest.Matchers.contains(EventTypes.CERTIFICATION_GRANTED,
                        EventTypes.RENEWAL_PAYMENT_REQUESTED, EventTypes.PENDING_RENEWAL_EXPIRED))
                .body("events.actor", org.hamcrest.Matchers.contains("staff-1", r.person(), "system"))
                .body("events[1].summary", equalTo("Renewal of CPT requested: pay 60 USD with reference "
                        + r.reference() + " by " + Instant.parse(r.answer().getString("expiresAt"))
                        .truncatedTo(ChronoUnit.SECONDS)))
                .body("events[2].summary", equalTo("Renewal request " + r.renewalId().substring(0, 8)
                        + "… (reference " + r.reference() + ") expired unpaid"));
    }

    @Test
    void aPaymentArrivingLateExpiresTheRequestItselfOnceAndIsKeptForARefund() throws Exception {
        Requested r = requested();
        clock.set(newYork("2027-06-16T10:30")); // out of time, and the job has not run yet

        Payments.pay(r.renewalId()).statusCode(200).body("outcome", equalTo("UNMATCHED"));
        Fixtures.runJob("pending-renewals").statusCode(200);

        JsonNode event = body(Fixtures.published(r.person(), EventTypes.PENDING_RENEWAL_EXPIRED, 1).get(0));
        assertThat(event.get("renewalId").asText()).isEqualTo(r.renewalId());
        assertThat(recorded(r.person())).containsExactly(EventTypes.CERTIFICATION_GRANTED,
                EventTypes.RENEWAL_PAYMENT_REQUESTED, EventTypes.PENDING_RENEWAL_EXPIRED);
    }

    @Test
    void aPaidRequestNeverExpiresAndItsRenewalCarriesTheReceipt() throws Exception {
        Requested r = requested();
        Payments.pay(r.renewalId()).statusCode(200).body("outcome", equalTo("RENEWED"));
        clock.set(newYork("2027-06-17T10:00"));
        Fixtures.runJob("pending-renewals").statusCode(200);

        assertThat(recorded(r.person())).containsExactly(EventTypes.CERTIFICATION_GRANTED,
                EventTypes.RENEWAL_PAYMENT_REQUESTED, EventTypes.CERTIFICATION_RENEWED_V2);
        JsonNode requested = body(Fixtures.published(r.person(), EventTypes.RENEWAL_PAYMENT_REQUESTED, 1).get(0));
        JsonNode renewed = body(Fixtures.published(r.person(), EventTypes.CERTIFICATION_RENEWED_V2, 1).get(0));
        // The renewal event is the receipt of the payment requested: same renewal, same figures and reference.
        assertThat(renewed.get("renewalId")).isEqualTo(requested.get("renewalId"));
        assertThat(renewed.at("/payment/amount").decimalValue()).isEqualByComparingTo(requested.get("amount")
                .decimalValue());
        assertThat(renewed.at("/payment/currency")).isEqualTo(requested.get("currency"));
        assertThat(renewed.at("/payment/reference")).isEqualTo(requested.get("reference"));
        assertThat(Instant.parse(renewed.get("renewedAt").asText()))
                .isBefore(Instant.parse(requested.get("expiresAt").asText()));
    }

    @Test
    void rebuildingTheCertificationsFromALogWithRequestsPaidAndExpiredGivesTheSameRows() throws Exception {
        Requested paid = requested();
        Payments.pay(paid.renewalId()).statusCode(200).body("outcome", equalTo("RENEWED"));
        Requested unpaid = requested();
        clock.set(newYork("2027-06-16T10:30"));
        Fixtures.runJob("pending-renewals").statusCode(200);
        assertThat(recorded(unpaid.person())).contains(EventTypes.PENDING_RENEWAL_EXPIRED);
        List<String> people = List.of(paid.person(), unpaid.person());
        Map<String, List<String>> before = Projections.certificationRows(people);
        assertThat(before.get("renewal")).hasSize(1);

        assertThat(Projections.rebuild("certifications").getString("state")).isEqualTo("COMPLETED");

        assertThat(Projections.certificationRows(people)).isEqualTo(before);
    }
}
