package org.cecplatform.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.ledger.LedgerFixtures.as;
import static org.cecplatform.ledger.LedgerFixtures.ceuCredit;
import static org.cecplatform.ledger.LedgerFixtures.creditRows;
import static org.cecplatform.ledger.LedgerFixtures.creditsPath;
import static org.cecplatform.ledger.LedgerFixtures.eventLog;
import static org.cecplatform.ledger.LedgerFixtures.history;
import static org.cecplatform.ledger.LedgerFixtures.newCertificant;
import static org.cecplatform.ledger.LedgerFixtures.selfReport;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.ledger.LedgerFixtures;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SelfReportingTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSelfReportedHalfCeuIsFiveCecsInTheHistoryAndACecEarnedCloudEventKeyedByTheCertificant() throws Exception {
        String person = newCertificant();

        io.restassured.response.ExtractableResponse<?> created = selfReport(person, ceuCredit("2026-05-10"))
                .body("cecs", equalTo(5.0f))
                .body("amount", equalTo(0.5f))
                .body("unit", equalTo("CEU"))
                .body("source", equalTo("SELF_REPORTED"))
                .body("verified", equalTo(false))
                .body("voided", equalTo(false))
                .body("recordedBy", equalTo(person))
                .extract();
        String creditId = created.path("creditId");
        assertThat(created.header("Location")).endsWith(creditsPath(person) + "/" + creditId);

        history(person)
                .body("credits", hasSize(1))
                .body("credits[0].creditId", equalTo(creditId))
                .body("credits[0].cecs", equalTo(5.0f))
                .body("credits[0].amount", equalTo(0.5f))
                .body("credits[0].unit", equalTo("CEU"))
                .body("credits[0].source", equalTo("SELF_REPORTED"))
                .body("credits[0].verified", equalTo(false))
                .body("credits[0].category", equalTo("GENERAL"))
                .body("credits[0].completedOn", equalTo("2026-05-10"))
                .body("credits[0].provider", equalTo("NSCA"))
                .body("credits[0].providerKind", equalTo("MAJOR_FITNESS_ORGANIZATION"))
                .body("credits[0].voidReason", nullValue())
                .body("credits[0].recordedAt", notNullValue())
                .body("totals.cecs", equalTo(5.0f))
                .body("totals.byCategory.GENERAL", equalTo(5.0f))
                .body("totals.byCategory.COLLEGE_COURSE", equalTo(0.0f))
                .body("totalItems", equalTo(1))
                .body("page", equalTo(0))
                .body("size", equalTo(50));

        List<ConsumerRecord<String, String>> published = TestKafka.read(Topics.LEDGER,
                r -> person.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        ConsumerRecord<String, String> record = published.get(0);
        List<LedgerFixtures.LoggedEvent> logged = eventLog(person);
        assertThat(logged).hasSize(1);
        assertThat(TestKafka.header(record, CloudEventHeaders.ID)).isEqualTo(logged.get(0).eventId().toString());
        assertThat(TestKafka.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CEC_EARNED);
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(person);
        assertThat(TestKafka.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TestKafka.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/cec-platform/ledger-service");
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertThat(data.get("creditId").asText()).isEqualTo(creditId);
        assertThat(data.get("certificantId").asText()).isEqualTo(person);
        assertThat(data.get("cecs").decimalValue()).isEqualByComparingTo("5.0");
        assertThat(data.get("reported").get("amount").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(data.get("reported").get("unit").asText()).isEqualTo("CEU");
        assertThat(data.get("source").asText()).isEqualTo("SELF_REPORTED");
        assertThat(data.get("verified").asBoolean()).isFalse();
        assertThat(data.get("completedOn").asText()).isEqualTo("2026-05-10");
        assertThat(data.get("externalRef").isNull()).isTrue();
    }

    @Test
    void staffEnterACreditForAPersonAsStaffEnteredAndUnverified() {
        String person = newCertificant();
        Map<String, Object> committee = LedgerFixtures.credit("COMMITTEE_SERVICE", "2026-03-01", 4, "CONTACT_HOUR");

        as(TestTokens.staff()).body(committee).post(creditsPath(person)).then().statusCode(201)
                .body("source", equalTo("STAFF_ENTERED"))
                .body("verified", equalTo(false))
                .body("certificantId", equalTo(person))
                .body("recordedBy", equalTo("staff-1"))
                .body("cecs", equalTo(4.0f));
        history(person).body("totals.byCategory.COMMITTEE_SERVICE", equalTo(4.0f));
    }

    @Test
    void aCollegeCourseWithAPassingGradeIsTenCecsPerCreditHour() {
        String person = newCertificant();
        Map<String, Object> course = LedgerFixtures.credit("COLLEGE_COURSE", "2026-01-20", 3, "COLLEGE_CREDIT_HOUR");
        course.put("providerKind", "ACCREDITED_COLLEGE");
        course.put("grade", "B+");

        selfReport(person, course).body("cecs", equalTo(30.0f)).body("grade", equalTo("B+"));
    }

    @Test
    void aRequestBreakingManyRulesIsRefusedWithEveryViolationAndNothingIsRecorded() {
        String person = newCertificant();
        Map<String, Object> bad = Map.of(
                "title", " ",
                "providerKind", "FRIEND",
                "category", "COLLEGE_COURSE",
                "completedOn", "2999-01-01",
                "amount", -2,
                "unit", "HOURS",
                "inScope", false,
                "grade", "D");

        as(TestTokens.certificant(person)).body(bad).post(creditsPath(person)).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:validation"))
                .body("status", equalTo(422))
                .body("detail", notNullValue())
                .body("violations.field", containsInAnyOrder("title", "provider", "providerKind", "unit",
                        "completedOn", "inScope", "grade", "amount"));

        assertThat(creditRows(person)).isZero();
        assertThat(eventLog(person)).isEmpty();
    }

    @Test
    void aCollegeCourseBelowCIsRefusedAndSoAreCollegeHoursOutsideACollegeCourse() {
        String person = newCertificant();
        Map<String, Object> course = LedgerFixtures.credit("COLLEGE_COURSE", "2026-01-20", 3, "COLLEGE_CREDIT_HOUR");
        course.put("grade", "C-");
        as(TestTokens.certificant(person)).body(course).post(creditsPath(person)).then().statusCode(422)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("grade"))
                .body("violations[0].message", containsString("C or better"));

        Map<String, Object> general = LedgerFixtures.credit("GENERAL", "2026-01-20", 3, "COLLEGE_CREDIT_HOUR");
        as(TestTokens.certificant(person)).body(general).post(creditsPath(person)).then().statusCode(422)
                .body("violations.field", containsInAnyOrder("unit"));
        assertThat(creditRows(person)).isZero();
    }

    @Test
    void moreThanOneHundredCecsInOneCreditIsRefused() {
        String person = newCertificant();
        as(TestTokens.certificant(person)).body(LedgerFixtures.credit("GENERAL", "2026-01-20", 10.5, "CEU"))
                .post(creditsPath(person)).then().statusCode(422)
                .body("violations[0].field", equalTo("amount"))
                .body("violations[0].message", containsString("at most 100"));
        as(TestTokens.certificant(person)).body(LedgerFixtures.credit("GENERAL", "2026-01-20", 10, "CEU"))
                .post(creditsPath(person)).then().statusCode(201).body("cecs", equalTo(100.0f));
    }

    @Test
    void theFutureIsJudgedByTheServiceClockInThePolicyTimeZone() {
        String person = newCertificant();
        // 03:00 UTC on 2 March 2027 is still 1 March in New York.
        clock.set(Instant.parse("2027-03-02T03:00:00Z"));

        as(TestTokens.certificant(person)).body(ceuCredit("2027-03-02")).post(creditsPath(person)).then()
                .statusCode(422)
                .body("violations[0].field", equalTo("completedOn"))
                .body("violations[0].message", containsString("future"));
        selfReport(person, ceuCredit("2027-03-01"));

        clock.set(Instant.parse("2027-03-02T05:00:00Z"));
        selfReport(person, ceuCredit("2027-03-02"));
    }

    @Test
    void malformedJsonIsA400AndAWrongTypeA422NamingTheField() {
        String person = newCertificant();
        as(TestTokens.certificant(person)).body("{\"title\": \"Yoga\", ").post(creditsPath(person)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:malformed-json"));
        as(TestTokens.certificant(person)).body("{\"title\": \"Yoga\", \"amount\": \"lots\"}")
                .post(creditsPath(person)).then()
                .statusCode(422).body("violations[0].field", equalTo("amount"));
        as(TestTokens.certificant(person)).body("").post(creditsPath(person)).then()
                .statusCode(422).body("violations.field", hasSize(8));
        assertThat(creditRows(person)).isZero();
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        String person = newCertificant();
        RestAssured.given().contentType(ContentType.JSON).body(ceuCredit("2026-05-10"))
                .post(creditsPath(person)).then().statusCode(401).contentType("application/problem+json");
        as(TestTokens.expired("certificant", person)).body(ceuCredit("2026-05-10"))
                .post(creditsPath(person)).then().statusCode(401);
        RestAssured.given().get(creditsPath(person)).then().statusCode(401);
    }

    @Test
    void someoneElsesLedgerOrAWrongRoleIs403AndNothingIsRecorded() {
        String person = newCertificant();
        String other = newCertificant();

        as(TestTokens.certificant(other)).body(ceuCredit("2026-05-10")).post(creditsPath(person)).then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        as(TestTokens.auditor()).body(ceuCredit("2026-05-10")).post(creditsPath(person)).then().statusCode(403);
        as(TestTokens.integration()).body(ceuCredit("2026-05-10")).post(creditsPath(person)).then().statusCode(403);
        as(TestTokens.certificant(other)).get(creditsPath(person)).then().statusCode(403);
        as(TestTokens.integration()).get(creditsPath(person)).then().statusCode(403);

        assertThat(creditRows(person)).isZero();
    }

    @Test
    void aPathIdThatIsNoCertificantIdIs422NamingTheFieldAndNothingIsRecorded() {
        for (String token : List.of(TestTokens.staff(), TestTokens.certificant("bad id"))) {
            as(token).body(ceuCredit("2026-05-10")).urlEncodingEnabled(false)
                    .post("/api/v1/certificants/bad%20id/credits")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("urn:cec:problem:validation"))
                    .body("violations[0].field", equalTo("certificantId"));
        }
        as(TestTokens.staff()).urlEncodingEnabled(false).get("/api/v1/certificants/bad%20id%3F%23x/credits")
                .then().statusCode(422).body("violations[0].field", equalTo("certificantId"));
        as(TestTokens.staff()).body(ceuCredit("2026-05-10"))
                .post(creditsPath("C" + "x".repeat(64)))
                .then().statusCode(422).body("violations[0].field", equalTo("certificantId"));
        assertThat(creditRows("bad id")).isZero();
        assertThat(eventLog("bad id")).isEmpty();
        assertThat(creditRows("C" + "x".repeat(64))).isZero();
    }
}
