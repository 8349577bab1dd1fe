package org.cecplatform.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.ledger.LedgerFixtures.creditRows;
import static org.cecplatform.ledger.LedgerFixtures.eventLog;
import static org.cecplatform.ledger.LedgerFixtures.history;
import static org.cecplatform.ledger.LedgerFixtures.newCertificant;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IntakeTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    static String completion(String completionId, String member, String cecs, String completedAt) {
        return "{\"completionId\":\"" + completionId + "\",\"memberId\":\"" + member + "\",\"courseId\":\"EIM-101\","
                + "\"courseTitle\":\"Exercise is Medicine\",\"cecs\":" + cecs + ",\"completedAt\":\"" + completedAt
                + "\"}";
    }

    static String attendance(String attendanceId, String member, String meeting, String cecs, String attendedOn) {
        return "{\"attendanceId\":\"" + attendanceId + "\",\"memberId\":\"" + member + "\",\"meeting\":\"" + meeting
                + "\",\"sessionCode\":\"S-12\",\"title\":\"Resistance training update\",\"cecs\":" + cecs
                + ",\"attendedOn\":\"" + attendedOn + "\"}";
    }

    private static void awaitCredits(String person, long count) {
        await().atMost(WAIT).until(() -> creditRows(person) >= count);
    }

    @Test
    void anLmsCompletionDeliveredTwiceGivesOneCreditAndOneEvent() {
        String person = newCertificant();
        String completionId = "cmp-" + UUID.randomUUID();
        String message = completion(completionId, person, "2.5", "2026-04-02T15:30:00Z");
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, message);
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, message);
        // A marker after both copies on the same partition: once it is in, both copies were handled.
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person,
                completion("cmp-" + UUID.randomUUID(), person, "1", "2026-04-03"));

        awaitCredits(person, 2);
        assertThat(creditRows(person)).isEqualTo(2);
        history(person)
                .body("credits[1].externalRef", equalTo(completionId))
                .body("credits[1].source", equalTo("CE_ONLINE"))
                .body("credits[1].verified", equalTo(true))
                .body("credits[1].category", equalTo("GENERAL"))
                .body("credits[1].provider", equalTo("ACSM ceOnline"))
                .body("credits[1].providerKind", equalTo("ACSM_APPROVED_PROVIDER"))
                .body("credits[1].unit", equalTo("CEC"))
                .body("credits[1].cecs", equalTo(2.5f))
                .body("credits[1].completedOn", equalTo("2026-04-02"))
                .body("credits[1].title", equalTo("Exercise is Medicine"))
                .body("credits[1].recordedBy", equalTo("ledger.lms"))
                .body("totals.cecs", equalTo(3.5f));

        List<ConsumerRecord<String, String>> earned = TestKafka.readAll(Topics.LEDGER,
                r -> person.equals(r.key()) && r.value().contains(completionId), Duration.ofSeconds(4));
        assertThat(earned).hasSize(1);
        assertThat(TestKafka.header(earned.get(0), CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CEC_EARNED);
        assertThat(eventLog(person)).hasSize(2);
    }

    @Test
    void theSameCompletionSentAgainLaterWithAnotherSpellingIsStillOneCredit() {
        String person = newCertificant();
        String completionId = "cmp-" + UUID.randomUUID();
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, completion(completionId, person, "2.50", "2026-04-02"));
        awaitCredits(person, 1);
        // The same completion again (a replay after a restart, spelled differently), then a marker.
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person,
                completion(completionId, person, "2.5", "2026-04-02T12:00:00-04:00"));
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person,
                completion("cmp-" + UUID.randomUUID(), person, "1", "2026-04-03"));
        awaitCredits(person, 2);
        assertThat(creditRows(person)).isEqualTo(2);
        assertThat(TestKafka.readAll(Topics.deadLetter(Topics.LMS_COURSE_COMPLETIONS),
                r -> person.equals(r.key()), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aPoisonIntakeMessageLandsOnTheDeadLetterTopicAndTheNextOneIsRecorded() {
        String person = newCertificant();
        String healthy = "cmp-" + UUID.randomUUID();
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, "{\"completionId\": \"trunc");
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person,
                completion("cmp-" + UUID.randomUUID(), person, "0", "2026-04-02"));
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person,
                completion("cmp-" + UUID.randomUUID(), person, "101", "2026-04-02"));
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person,
                completion("cmp-" + UUID.randomUUID(), person, "1", "2999-01-01"));
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person,
                "{\"completionId\":\"cmp-x\",\"memberId\":\"" + person + "\",\"cecs\":1,\"completedAt\":\"not a date\"}");
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, completion(healthy, person, "1.5", "2026-04-02"));

        awaitCredits(person, 1);
        history(person).body("credits[0].externalRef", equalTo(healthy)).body("totalItems", equalTo(1));

        List<ConsumerRecord<String, String>> dead = TestKafka.read(
                Topics.deadLetter(Topics.LMS_COURSE_COMPLETIONS), r -> person.equals(r.key()), 5, WAIT);
        assertThat(dead).hasSize(5);
        assertThat(dead.get(0).value()).isEqualTo("{\"completionId\": \"trunc");
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).startsWith("unreadable CourseCompletion");
        assertThat(TestKafka.header(dead.get(1), CloudEventHeaders.DLQ_REASON)).contains("cecs must be more than 0");
        assertThat(TestKafka.header(dead.get(2), CloudEventHeaders.DLQ_REASON)).contains("cecs must be at most 100");
        assertThat(TestKafka.header(dead.get(3), CloudEventHeaders.DLQ_REASON)).contains("in the future");
        assertThat(TestKafka.header(dead.get(4), CloudEventHeaders.DLQ_REASON))
                .contains("courseTitle is required").contains("is not an ISO date");
        assertThat(TestKafka.header(dead.get(4), CloudEventHeaders.DLQ_CONSUMER)).isEqualTo("ledger.lms");
        assertThat(TestKafka.header(dead.get(4), CloudEventHeaders.DLQ_TOPIC)).isEqualTo(Topics.LMS_COURSE_COMPLETIONS);
    }

    @Test
    void aCompletionIdReusedWithDifferentContentIsDeadLetteredAndTheFirstStands() {
        String person = newCertificant();
        String completionId = "cmp-" + UUID.randomUUID();
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, completion(completionId, person, "2", "2026-04-02"));
        awaitCredits(person, 1);

        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, completion(completionId, person, "20", "2026-04-02"));

        List<ConsumerRecord<String, String>> dead = TestKafka.read(
                Topics.deadLetter(Topics.LMS_COURSE_COMPLETIONS), r -> person.equals(r.key()), 1, WAIT);
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_REASON))
                .contains("duplicate id with different content").contains(completionId);
        assertThat(creditRows(person)).isEqualTo(1);
        history(person).body("credits[0].cecs", equalTo(2.0f));
        assertThat(eventLog(person)).hasSize(1);
    }

    @Test
    void meetingAttendanceBecomesAVerifiedCreditOfThatMeetingOnce() {
        String person = newCertificant();
        String summit = "att-" + UUID.randomUUID();
        String webinar = "att-" + UUID.randomUUID();
        TestKafka.send(Topics.MEETINGS_ATTENDANCE, person,
                attendance(summit, person, "HEALTH_FITNESS_SUMMIT", "3", "2026-04-10"));
        TestKafka.send(Topics.MEETINGS_ATTENDANCE, person,
                attendance(summit, person, "HEALTH_FITNESS_SUMMIT", "3", "2026-04-10"));
        TestKafka.send(Topics.MEETINGS_ATTENDANCE, person, attendance(webinar, person, "WEBINAR", "1", "2026-04-01"));

        awaitCredits(person, 2);
        assertThat(creditRows(person)).isEqualTo(2);
        history(person)
                .body("credits[0].externalRef", equalTo(summit))
                .body("credits[0].source", equalTo("HEALTH_FITNESS_SUMMIT"))
                .body("credits[0].verified", equalTo(true))
                .body("credits[0].provider", equalTo("ACSM Health & Fitness Summit"))
                .body("credits[0].title", equalTo("Resistance training update (S-12)"))
                .body("credits[0].cecs", equalTo(3.0f))
                .body("credits[1].source", equalTo("WEBINAR"))
                .body("totals.cecs", equalTo(4.0f));
    }

    @Test
    void anUnknownMeetingIsDeadLetteredWithItsReason() {
        String person = newCertificant();
        TestKafka.send(Topics.MEETINGS_ATTENDANCE, person,
                attendance("att-" + UUID.randomUUID(), person, "TOWN_HALL", "1", "2026-04-01"));
        TestKafka.send(Topics.MEETINGS_ATTENDANCE, person,
                attendance("att-" + UUID.randomUUID(), person, "ANNUAL_MEETING", "1", "2026-04-01"));

        awaitCredits(person, 1);
        List<ConsumerRecord<String, String>> dead = TestKafka.read(Topics.deadLetter(Topics.MEETINGS_ATTENDANCE),
                r -> person.equals(r.key()), 1, WAIT);
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).contains("unknown meeting 'TOWN_HALL'");
        assertThat(TestKafka.header(dead.get(0), CloudEventHeaders.DLQ_CONSUMER)).isEqualTo("ledger.meetings");
        history(person).body("credits[0].source", equalTo("ANNUAL_MEETING"));
    }

    @Test
    void anLmsCreditCanBeVoidedAndItsRedeliveryDoesNotBringItBack() {
        String person = newCertificant();
        String completionId = "cmp-" + UUID.randomUUID();
        String message = completion(completionId, person, "2", "2026-04-02");
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, message);
        awaitCredits(person, 1);
        String creditId = history(person).extract().path("credits[0].creditId");
        org.cecplatform.ledger.LedgerFixtures.as(org.cecplatform.testsupport.TestTokens.staff())
                .body(Map.of("reason", "course retracted")).post(
                        org.cecplatform.ledger.LedgerFixtures.creditsPath(person) + "/" + creditId + "/void")
                .then().statusCode(200);

        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, message);
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person,
                completion("cmp-" + UUID.randomUUID(), person, "1", "2026-04-03"));
        awaitCredits(person, 2);
        assertThat(creditRows(person)).isEqualTo(2);
        history(person).body("totals.cecs", equalTo(1.0f));
    }

    @Test
    void aMemberIdThatIsNoCertificantIdIsDeadLetteredWithTheReasonAndNothingIsRecorded() {
        String person = newCertificant();
        String badCompletion = "cmp-" + UUID.randomUUID();
        String badAttendance = "att-" + UUID.randomUUID();
        String healthy = "cmp-" + UUID.randomUUID();
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, completion(badCompletion, "bad id", "1", "2026-04-02"));
        TestKafka.send(Topics.MEETINGS_ATTENDANCE, person,
                attendance(badAttendance, "bad id", "WEBINAR", "1", "2026-04-02"));
        TestKafka.send(Topics.LMS_COURSE_COMPLETIONS, person, completion(healthy, person, "1.5", "2026-04-02"));

        List<ConsumerRecord<String, String>> lms = TestKafka.read(
                Topics.deadLetter(Topics.LMS_COURSE_COMPLETIONS), r -> person.equals(r.key()), 1, WAIT);
        List<ConsumerRecord<String, String>> meetings = TestKafka.read(
                Topics.deadLetter(Topics.MEETINGS_ATTENDANCE), r -> person.equals(r.key()), 1, WAIT);
        for (ConsumerRecord<String, String> dead : List.of(lms.get(0), meetings.get(0))) {
            assertThat(TestKafka.header(dead, CloudEventHeaders.DLQ_REASON))
                    .contains("memberId is not a certificant id");
        }
        assertThat(lms.get(0).value()).contains(badCompletion);
        assertThat(meetings.get(0).value()).contains(badAttendance);

        awaitCredits(person, 1); // the message after the bad one on the partition is recorded
        history(person).body("credits[0].externalRef", equalTo(healthy)).body("totalItems", equalTo(1));
        assertThat(creditRows("bad id")).isZero();
        assertThat(eventLog("bad id")).isEmpty();
        assertThat(eventLog(person)).hasSize(1);
    }
}
