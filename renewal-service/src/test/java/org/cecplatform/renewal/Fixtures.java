package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/** What the @QuarkusTests of this service share: people, REST calls, ledger and audit events as producers send them. */
final class Fixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** The CloudEvent source of the ledger-service's events, the owner of cec.ledger.v1. */
    static final String LEDGER_SERVICE = "/cec-platform/ledger-service";

    private Fixtures() {
    }

    static String newPerson() {
        return "cert-" + UUID.randomUUID();
    }

    /** A New York wall-clock time as an instant, e.g. {@code "2027-12-31T23:30"}. */
    static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /**
     * A JSON number equal to {@code expected} as a decimal. REST Assured reads JSON numbers as floats; their shortest
     * decimal form is compared, which is exact for the one-decimal CECs and two-decimal amounts answered here.
     */
    static Matcher<Object> decimal(String expected) {
        BigDecimal want = new BigDecimal(expected);
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof Number n && new BigDecimal(n.toString()).compareTo(want) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the number " + expected);
            }
        };
    }

    // ------------------------------------------------------------------ REST

    static ValidatableResponse grant(String person, String credential, String certifiedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificantId", person);
        body.put("credential", credential);
        if (certifiedOn != null) {
            body.put("certifiedOn", certifiedOn);
        }
        return given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/certifications").then();
    }

    static ValidatableResponse certifications(String person) {
        return given().auth().oauth2(TestTokens.staff())
                .when().get("/api/v1/certificants/" + person + "/certifications").then();
    }

    /** The view of the person's only (or first) certification of {@code credential}, as staff read it. */
    static Map<String, Object> certification(String person, String credential) {
        List<Map<String, Object>> all = certifications(person).statusCode(200).extract().jsonPath()
                .getList("certifications");
        return all.stream().filter(c -> credential.equals(c.get("credential"))).findFirst()
                .orElseThrow(() -> new AssertionError(person + " holds no " + credential));
    }

    static BigDecimal tracked(String person, String credential) {
        return new BigDecimal(String.valueOf(certification(person, credential).get("cecsTracked")));
    }

    static Map<String, Object> form(List<String> credentials, String cecs, String cprIssuedOn, String cprExpiresOn) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("credentials", credentials);
        form.put("attestedCecs", Map.of("ceOnlineAndAcsmEvents", new BigDecimal(cecs)));
        form.put("acknowledged", true);
        form.put("cpr", Map.of("provider", "American Red Cross", "issuedOn", cprIssuedOn, "expiresOn", cprExpiresOn,
                "handsOnSkills", true));
        return form;
    }

    /** The renewal request alone: 202 with the renewal pending its payment, or the refusal. */
    static ValidatableResponse requestRenewal(String person, Map<String, Object> form) {
        return given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON).body(form)
                .when().post("/api/v1/certificants/" + person + "/renewals").then();
    }

    /**
     * A renewal as a member makes it: the request, then the payment of exactly what it asks through the provider's
     * signed webhook; answers the renewal as read afterwards (200, COMPLETED), or the request's refusal.
     */
    static ValidatableResponse renew(String person, Map<String, Object> form) {
        ValidatableResponse requested = requestRenewal(person, form);
        if (requested.extract().statusCode() != 202) {
            return requested;
        }
        String renewalId = requested.extract().path("renewalId");
        Payments.pay(renewalId).statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("RENEWED"));
        return given().auth().oauth2(TestTokens.certificant(person)).when().get("/api/v1/renewals/" + renewalId)
                .then();
    }

    static ValidatableResponse runJob(String name) {
        return given().auth().oauth2(TestTokens.staff()).when().post("/api/v1/admin/jobs/" + name).then();
    }

    // ------------------------------------------------------------------ events in

    /** Binary-mode CloudEvent headers; a null {@code source} leaves {@code ce_source} out. */
    static Map<String, String> cloudEvent(String id, String type, String source, String subject) {
        return TestKafka.cloudEventHeaders(id, type, source, subject);
    }

    static String earnedJson(UUID creditId, String person, String completedOn, String category, String cecs) {
        return earnedJson(creditId, person, completedOn, category, cecs, "2025-01-01T12:00:00Z");
    }

    /** A CECEarned body recorded in the ledger at {@code recordedAt} (an instant, e.g. "2026-04-02T15:00:00Z"). */
    static String earnedJson(UUID creditId, String person, String completedOn, String category, String cecs,
                             String recordedAt) {
        return "{\"creditId\":\"" + creditId + "\",\"certificantId\":\"" + person + "\",\"source\":\"SELF_REPORTED\","
                + "\"verified\":false,\"category\":\"" + category + "\",\"title\":\"Workshop\",\"provider\":\"ACSM\","
                + "\"providerKind\":\"ACSM_APPROVED_PROVIDER\",\"completedOn\":\"" + completedOn + "\","
                + "\"reported\":{\"amount\":" + cecs + ",\"unit\":\"CEC\"},\"cecs\":" + cecs + ","
                + "\"externalRef\":null,\"grade\":null,\"recordedBy\":\"" + person + "\","
                + "\"recordedAt\":\"" + recordedAt + "\"}";
    }

    static String voidedJson(UUID creditId, String person, String completedOn, String category, String cecs) {
        return voidedJson(creditId, person, completedOn, category, cecs, "2025-02-01T12:00:00Z");
    }

    /** A CECVoided body, voided in the ledger at {@code voidedAt}. */
    static String voidedJson(UUID creditId, String person, String completedOn, String category, String cecs,
                             String voidedAt) {
        return "{\"creditId\":\"" + creditId + "\",\"certificantId\":\"" + person + "\",\"reason\":\"duplicate\","
                + "\"voidedBy\":\"staff-1\",\"voidedAt\":\"" + voidedAt + "\",\"completedOn\":\"" + completedOn
                + "\",\"category\":\"" + category + "\",\"cecs\":" + cecs + "}";
    }

    /** Publishes a CECEarned as the ledger would; returns its ce_id. */
    static String publishEarned(UUID creditId, String person, String completedOn, String category, String cecs) {
        return publishLedgerEvent(person, EventTypes.CEC_EARNED, earnedJson(creditId, person, completedOn, category,
                cecs));
    }

    static String publishVoided(UUID creditId, String person, String completedOn, String category, String cecs) {
        return publishLedgerEvent(person, EventTypes.CEC_VOIDED, voidedJson(creditId, person, completedOn, category,
                cecs));
    }

    /** Publishes a ledger event (CECEarned, CECVoided) with this body as the ledger would; returns its ce_id. */
    static String publishLedgerEvent(String person, String type, String json) {
        String eventId = UUID.randomUUID().toString();
        publish(Topics.LEDGER, person, eventId, type, LEDGER_SERVICE, json);
        return eventId;
    }

    static void publish(String topic, String person, String eventId, String type, String source, String json) {
        TestKafka.send(topic, person, json, cloudEvent(eventId, type, source, person));
    }

    // ------------------------------------------------------------------ events out

    /** This person's events on cec.renewals.v1 of one type, waiting until {@code expected} arrived. */
    static List<ConsumerRecord<String, String>> published(String person, String type, int expected) {
        return TestKafka.read(Topics.RENEWALS, r -> person.equals(r.key())
                && type.equals(TestKafka.header(r, CloudEventHeaders.TYPE)), expected, Duration.ofSeconds(30));
    }

    /** Every event of this person on cec.renewals.v1 within a window: to prove nothing more arrives. */
    static List<ConsumerRecord<String, String>> allPublished(String person, Duration window) {
        return TestKafka.readAll(Topics.RENEWALS, r -> person.equals(r.key()), window);
    }

    static String types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TestKafka.header(r, CloudEventHeaders.TYPE)
                .replace("cec.renewals.", "").replaceAll("\\.v\\d+$", "")).collect(Collectors.joining(","));
    }
}
