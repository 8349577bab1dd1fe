package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.Fixtures.dec;
import static org.cecplatform.renewal.Fixtures.decimal;
import static org.cecplatform.renewal.Fixtures.form;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.cecplatform.renewal.Fixtures.renew;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RenewalApiTest {

    @Inject
    ServiceClock clock;
    @Inject
    EventLog eventLog;
    @Inject
    ObjectMapper json;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void aRenewalOnTheLastEveningIsOnTimeAndPublishesCertificationRenewedWithTheNewCycle() throws Exception {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        Fixtures.publishEarned(UUID.randomUUID(), person, "2025-04-01", "GENERAL", "30");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.tracked(person, "CPT").compareTo(dec("30")) == 0);

        clock.set(newYork("2027-12-31T23:30")); // 2028-01-01 in UTC
        Map<String, Object> form = form(List.of("CPT"), "46", "2027-01-10", "2029-01-10");
        String pendingId = Fixtures.requestRenewal(person, form).statusCode(202)
                .header("Location", containsString("/api/v1/renewals/"))
                .body("status", equalTo("PENDING"))
                .body("requestedOn", equalTo("2027-12-31"))
                .body("payment.amount", decimal("60.00"))
                .body("payment.currency", equalTo("USD"))
                .body("payment.reference", startsWith("RNW-"))
                .body("renewedOn", nullValue())
                .extract().path("renewalId");
        assertThat(Fixtures.allPublished(person, Duration.ofSeconds(2))).as("nothing is renewed before the payment")
                .noneMatch(r -> TestKafka.header(r, CloudEventHeaders.TYPE).equals(EventTypes.CERTIFICATION_RENEWED_V2));

        clock.set(newYork("2028-01-01T09:00")); // paid the next morning: the renewal is still the one requested
        Payments.pay(pendingId).statusCode(200).body("outcome", equalTo("RENEWED"));
        String renewalId = given().auth().oauth2(TestTokens.certificant(person)).when()
                .get("/api/v1/renewals/" + pendingId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("kind", equalTo("RENEWAL"))
                .body("credentials", contains("CPT"))
                .body("renewedOn", equalTo("2027-12-31"))
                .body("previousCycleEnd", equalTo("2027-12-31"))
                .body("cycleStart", equalTo("2028-01-01"))
                .body("cycleEnd", equalTo("2030-12-31"))
                .body("fee.total", decimal("60.00"))
                .body("attestedCecs.ceOnlineAndAcsmEvents", decimal("46.0"))
                .body("attestedCecs.committeeService", decimal("0.0"))
                .body("cecsAttested", decimal("46.0"))
                .body("cecsTracked", decimal("30.0"))
                .body("cecsRequired", decimal("45.0"))
                .extract().path("renewalId");

        List<ConsumerRecord<String, String>> renewed = Fixtures.published(person, EventTypes.CERTIFICATION_RENEWED_V2, 1);
        assertThat(renewed).hasSize(1);
        ConsumerRecord<String, String> record = renewed.get(0);
        List<StoredEvent> logged = QuarkusTransaction.requiringNew().call(() -> eventLog.load(person));
        StoredEvent stored = logged.stream().filter(e -> e.type().equals(EventTypes.CERTIFICATION_RENEWED_V2))
                .findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(person);
        assertThat(TestKafka.header(record, CloudEventHeaders.ID)).isEqualTo(stored.eventId().toString());
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(person);
        assertThat(TestKafka.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        JsonNode body = json.readTree(record.value());
        assertThat(body.get("renewalId").asText()).isEqualTo(renewalId);
        assertThat(body.get("kind").asText()).isEqualTo("RENEWAL");
        assertThat(body.get("level").asText()).isEqualTo("CPT");
        assertThat(body.get("renewedOn").asText()).isEqualTo("2027-12-31");
        assertThat(body.get("previousCycleStart").asText()).isEqualTo("2024-05-10");
        assertThat(body.get("countedFrom").asText()).isEqualTo("2024-05-10");
        assertThat(body.get("countedTo").asText()).as("the day the renewal was requested").isEqualTo("2027-12-31");
        assertThat(body.get("cycleStart").asText()).isEqualTo("2028-01-01");
        assertThat(body.get("cycleEnd").asText()).isEqualTo("2030-12-31");
        assertThat(body.get("cecsTracked").decimalValue()).isEqualByComparingTo("30");
        assertThat(body.get("feeTotal").decimalValue()).isEqualByComparingTo("60");

        Fixtures.certifications(person).statusCode(200)
                .body("certifications[0].cycleStart", equalTo("2028-01-01"))
                .body("certifications[0].cycleEnd", equalTo("2030-12-31"))
                .body("certifications[0].renewable", equalTo(false))
                .body("certifications[0].cycles", hasSize(2))
                .body("certifications[0].cycles[1].renewalId", equalTo(renewalId));
    }

    @Test
    void aRenewalInGraceIsLateKeepsTheScheduleAndCountsGraceCreditsTowardTheExpiredCycle() {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        Fixtures.publishEarned(UUID.randomUUID(), person, "2028-02-01", "GENERAL", "12");

        clock.set(newYork("2028-03-15T10:00"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.tracked(person, "CPT").compareTo(dec("12")) == 0);
        renew(person, form(List.of("CPT"), "45", "2027-01-10", "2029-01-10"))
                .statusCode(200)
                .body("kind", equalTo("LATE_RENEWAL"))
                .body("fee.items.description", contains("Renewal fee, CPT (Certified Personal Trainer)",
                        "Late fee (renewal in the grace period)"))
                .body("cycleStart", equalTo("2028-01-01"))
                .body("cycleEnd", equalTo("2030-12-31"))
                .body("countedFrom", equalTo("2024-05-10"))
                .body("countedTo", equalTo("2028-03-15"))
                .body("cecsTracked", decimal("12.0"));

        assertThat(Fixtures.published(person, EventTypes.CERTIFICATION_STATUS_CHANGED, 2)).hasSize(2);
        assertThat(Fixtures.types(Fixtures.allPublished(person, Duration.ofSeconds(2))))
                .as("grace began, the request waiting for its fee, the renewal, then active again, in that order")
                .isEqualTo("CertificationGranted,CertificationStatusChanged,RenewalPaymentRequested,"
                        + "CertificationRenewed,CertificationStatusChanged");
    }

    @Test
    void aReinstatementStartsTheNewCycleThatDayKeepsTheGapAndPublishesCertificationReinstated() throws Exception {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        Fixtures.publishEarned(UUID.randomUUID(), person, "2026-04-01", "GENERAL", "20");
        Fixtures.publishEarned(UUID.randomUUID(), person, "2028-09-01", "GENERAL", "15"); // in the gap

        clock.set(newYork("2029-05-10T10:00"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.tracked(person, "CPT").compareTo(dec("20")) == 0);
        String renewalId = renew(person, form(List.of("CPT"), "45", "2029-01-10", "2031-01-10"))
                .statusCode(200)
                .body("kind", equalTo("REINSTATEMENT"))
                .body("cycleStart", equalTo("2029-05-10"))
                .body("cycleEnd", equalTo("2032-12-31"))
                .body("gapFrom", equalTo("2028-01-01"))
                .body("gapTo", equalTo("2029-05-09"))
                .body("cecsTracked", decimal("20.0"))
                .body("fee.items.description", contains("Reinstatement fee"))
                .extract().path("renewalId");

        List<ConsumerRecord<String, String>> reinstated =
                Fixtures.published(person, EventTypes.CERTIFICATION_REINSTATED_V2, 1);
        assertThat(reinstated).hasSize(1);
        JsonNode body = json.readTree(reinstated.get(0).value());
        assertThat(body.get("renewalId").asText()).isEqualTo(renewalId);
        assertThat(body.get("gapFrom").asText()).isEqualTo("2028-01-01");
        assertThat(body.get("gapTo").asText()).isEqualTo("2029-05-09");
        assertThat(body.get("lapsedCycleEnd").asText()).isEqualTo("2027-12-31");
        assertThat(body.get("countedFrom").asText()).isEqualTo("2024-05-10");
        assertThat(body.get("countedTo").asText()).as("only the lapsed cycle's credits count").isEqualTo("2027-12-31");
        assertThat(body.get("cycleStart").asText()).isEqualTo("2029-05-10");

        Fixtures.certifications(person).statusCode(200)
                .body("certifications[0].status", equalTo("ACTIVE"))
                .body("certifications[0].cycles[1].origin", equalTo("REINSTATEMENT"))
                .body("certifications[0].cycles[1].gapFrom", equalTo("2028-01-01"))
                .body("certifications[0].cycles[1].gapTo", equalTo("2029-05-09"));
    }

    @Test
    void twoCredentialsRenewedTogetherCostTheHighestFeePlusFive() {
        clock.set(newYork("2027-10-01T10:00"));
        String person = newPerson();
        grant(person, "GEI", "2024-02-29").statusCode(201);
        grant(person, "CPT", "2024-05-10").statusCode(201);

        renew(person, form(List.of("GEI", "CPT"), "45", "2027-01-10", "2029-01-10"))
                .statusCode(200)
                .body("credentials", contains("CPT", "GEI"))
                .body("level", equalTo("CPT"))
                .body("fee.total", decimal("65.00"))
                .body("certifications", hasSize(2))
                .body("certifications.previousCycleStart", contains("2024-05-10", "2024-02-29"));
        Fixtures.certifications(person).statusCode(200)
                .body("certifications.cycleEnd", contains("2030-12-31", "2030-12-31"));
        assertThat(Fixtures.published(person, EventTypes.CERTIFICATION_RENEWED_V2, 1)).hasSize(1);
    }

    @Test
    void aFormWithEveryRequirementUnmetIs422ListingEachAndChangesNothing() {
        clock.set(newYork("2027-06-15T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("credentials", List.of("CPT", "XYZ"));
        form.put("attestedCecs", Map.of("ceOnlineAndAcsmEvents", -1));
        form.put("acknowledged", false);
        form.put("cpr", Map.of("provider", "Online CPR", "issuedOn", "2027-06-16", "expiresOn", "2027-06-14",
                "handsOnSkills", false));

        renew(person, form).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:requirements-unmet"))
                .body("violations.field", contains("credentials[1]", "attestedCecs.ceOnlineAndAcsmEvents",
                        "acknowledged", "cpr.issuedOn", "cpr.expiresOn", "cpr.handsOnSkills"));

        renew(person, form(List.of("CPT"), "40", "2027-01-10", "2029-01-10"))
                .statusCode(422)
                .body("violations.field", contains("attestedCecs"));

        given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON).body("{\"credentials\":")
                .when().post("/api/v1/certificants/" + person + "/renewals")
                .then().statusCode(400).body("type", equalTo("urn:cec:problem:malformed-json"));

        Fixtures.certifications(person).statusCode(200).body("certifications[0].cycleEnd", equalTo("2027-12-31"));
        given().auth().oauth2(TestTokens.staff()).when().get("/api/v1/certificants/" + person + "/renewals")
                .then().statusCode(200).body("totalItems", decimal("0"));
    }

    @Test
    void anExpiredOrOnlineOnlyCprCardIsRefused() {
        clock.set(newYork("2027-06-15T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);

        renew(person, form(List.of("CPT"), "45", "2025-06-14", "2027-06-14"))
                .statusCode(422).body("violations.field", contains("cpr.expiresOn"));
        renew(person, form(List.of("CPT"), "45", "2025-06-15", "2027-06-15"))
                .statusCode(200);
    }

    @Test
    void concurrentGrantsAndRenewalsForOnePersonAreSerialised() throws Exception {
        clock.set(newYork("2027-06-15T10:00"));
        String person = newPerson();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> grants = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                grants.add(pool.submit(() -> grant(person, "CPT", "2024-05-10").extract().statusCode()));
            }
            List<Integer> grantStatuses = new java.util.ArrayList<>();
            for (var g : grants) {
                grantStatuses.add(g.get());
            }
            assertThat(grantStatuses).containsOnly(201, 409).containsOnlyOnce(201);

            // Six requests, all due when made; six payments arriving together: one renews, the others are money to
            // refund, since CPT is no longer due once the first is recorded.
            List<String> requested = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                requested.add(Fixtures.requestRenewal(person, form(List.of("CPT"), "45", "2027-01-10", "2029-01-10"))
                        .statusCode(202).extract().path("renewalId"));
            }
            List<java.util.concurrent.Future<String>> payments = new java.util.ArrayList<>();
            for (String renewalId : requested) {
                payments.add(pool.submit(() -> Payments.pay(renewalId).statusCode(200).extract().path("outcome")));
            }
            List<String> outcomes = new java.util.ArrayList<>();
            for (var p : payments) {
                outcomes.add(p.get());
            }
            assertThat(outcomes).containsOnly("RENEWED", "UNMATCHED").containsOnlyOnce("RENEWED");
        } finally {
            pool.shutdown();
        }
        Fixtures.certifications(person).statusCode(200).body("certifications", hasSize(1))
                .body("certifications[0].cycles", hasSize(2));
    }

    @Test
    void onlyTheCertificantThemselfMayAttestARenewal() {
        clock.set(newYork("2027-06-15T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        Map<String, Object> form = form(List.of("CPT"), "45", "2027-01-10", "2029-01-10");

        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(form)
                .when().post("/api/v1/certificants/" + person + "/renewals")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.certificant("someone-else")).contentType(ContentType.JSON).body(form)
                .when().post("/api/v1/certificants/" + person + "/renewals")
                .then().statusCode(403).body("type", equalTo("urn:cec:problem:forbidden"));
        Fixtures.certifications(person).statusCode(200).body("certifications[0].cycleEnd", equalTo("2027-12-31"));
    }

    @Test
    void renewalsAreReadOneByOneAndPagedNewestFirst() {
        clock.set(newYork("2027-06-15T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        String first = renew(person, form(List.of("CPT"), "45", "2027-01-10", "2030-01-10"))
                .statusCode(200).extract().path("renewalId");
        clock.set(newYork("2030-06-15T10:00"));
        String second = renew(person, form(List.of("CPT"), "45", "2030-01-10", "2032-01-10"))
                .statusCode(200).body("cycleEnd", equalTo("2033-12-31")).extract().path("renewalId");

        given().auth().oauth2(TestTokens.certificant(person)).when().get("/api/v1/renewals/" + first)
                .then().statusCode(200).body("renewalId", equalTo(first)).body("cycleEnd", equalTo("2030-12-31"))
                .body("payment.reference", startsWith("RNW-"))
                .body("cpr.handsOnSkills", equalTo(true))
                .body("acknowledged", equalTo(true));
        given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/renewals/" + first)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.certificant("someone-else")).when().get("/api/v1/renewals/" + first)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.staff()).when().get("/api/v1/renewals/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.certificant(person))
                .when().get("/api/v1/certificants/" + person + "/renewals?size=1")
                .then().statusCode(200).body("totalItems", decimal("2"))
                .body("renewals.renewalId", contains(second));
        given().auth().oauth2(TestTokens.certificant(person))
                .when().get("/api/v1/certificants/" + person + "/renewals?size=1&page=1")
                .then().statusCode(200).body("renewals.renewalId", contains(first));
        given().auth().oauth2(TestTokens.certificant(person))
                .when().get("/api/v1/certificants/" + person + "/renewals?size=501&page=-1")
                .then().statusCode(422).body("violations.field", contains("page", "size"));
    }

    /** A page's renewals and the certifications they covered are read together: each keeps its own, in its order. */
    @Test
    void eachRenewalOfAPageListsTheCertificationsItCoveredInTheOrderOfItsCredentials() {
        clock.set(newYork("2027-06-15T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        grant(person, "GEI", "2024-08-10").statusCode(201);
        String both = renew(person, form(List.of("GEI", "CPT"), "45", "2027-01-10", "2030-01-10"))
                .statusCode(200).body("credentials", contains("CPT", "GEI")).extract().path("renewalId");
        clock.set(newYork("2030-06-15T10:00"));
        String one = renew(person, form(List.of("CPT"), "45", "2030-01-10", "2032-01-10"))
                .statusCode(200).extract().path("renewalId");

        given().auth().oauth2(TestTokens.certificant(person))
                .when().get("/api/v1/certificants/" + person + "/renewals")
                .then().statusCode(200).body("totalItems", decimal("2"))
                .body("renewals.renewalId", contains(one, both))
                .body("renewals[0].certifications.credential", contains("CPT"))
                .body("renewals[0].certifications.countedTo", contains("2030-06-15"))
                .body("renewals[1].certifications.credential", contains("CPT", "GEI"))
                .body("renewals[1].certifications.countedTo", contains("2027-06-15", "2027-06-15"))
                .body("renewals[1].attestedCecs.ceOnlineAndAcsmEvents", decimal("45.0"))
                .body("renewals[1].fee.items", hasSize(2));
    }
}
