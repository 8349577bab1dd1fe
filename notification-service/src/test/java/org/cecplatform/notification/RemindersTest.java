package org.cecplatform.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.notification.Fixtures.awaitNotices;
import static org.cecplatform.notification.Fixtures.body;
import static org.cecplatform.notification.Fixtures.emailOf;
import static org.cecplatform.notification.Fixtures.mailTo;
import static org.cecplatform.notification.Fixtures.notices;
import static org.cecplatform.notification.Fixtures.person;
import static org.cecplatform.notification.Fixtures.runSender;
import static org.cecplatform.notification.Fixtures.send;
import static org.cecplatform.notification.Fixtures.setContact;
import static org.cecplatform.notification.Fixtures.subject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.audit.AuditExtendedV1;
import org.cecplatform.contract.audit.AuditOpenedV1;
import org.cecplatform.contract.renewal.CertificationGrantedV1;
import org.cecplatform.contract.renewal.CertificationStatusChangedV1;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reminders job on the service clock: cycle ends (CECs missing read from renewal-service with the service's own
 * token), grace period ends, proof due dates that follow an extension; each reminder once; only the calendar reminders
 * can be turned off.
 */
@QuarkusTest
class RemindersTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    ServiceClock clock;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void aCycleEndingIn90AndThen7DaysIsRemindedOnceEach_withTheCecsRenewalServiceSaysAreMissing() throws Exception {
        String person = grantedWithContact(LocalDate.of(2030, 12, 31));
        RenewalServiceStub.certifications(person, certifications(person, "ACTIVE", "2030-12-31", "45", "12.5"));

        at("2030-10-01T12:00");
        runReminders();
        assertThat(notices(person).getInt("total")).isEqualTo(1);

        at("2030-10-02T12:00");
        runReminders();
        runReminders();
        JsonPath after90 = notices(person);
        assertThat(after90.getInt("total")).isEqualTo(2);
        assertThat(after90.getString("notices[0].kind")).isEqualTo("REMINDER_CYCLE_END");
        assertThat(after90.getString("notices[0].reminderKey")).isEqualTo(person + ":CPT:2030-12-31:90d");
        assertThat(after90.getString("notices[0].answersEventId")).isNull();
        runSender();
        assertThat(mailTo(emailOf(person))).filteredOn(m -> subject(m).contains("ends in 90 days")).singleElement()
                .satisfies(m -> assertThat(body(m)).contains("CECs still missing: 12.5 of 45").contains("2030-12-31"));
        assertThat(RenewalServiceStub.tokensIssued()).isPositive();

        at("2030-12-25T12:00"); // 6 days left: the 7-day reminder; the 30-day one was missed and is not sent late
        runReminders();
        JsonPath after7 = notices(person);
        assertThat(after7.getInt("total")).isEqualTo(3);
        assertThat(after7.getString("notices[0].reminderKey")).isEqualTo(person + ":CPT:2030-12-31:7d");
    }

    @Test
    void aCycleRenewalServiceNoLongerEndsThenGetsNoReminder() throws Exception {
        String person = grantedWithContact(LocalDate.of(2030, 12, 31));
        // renewed: the new cycle's event has not arrived here yet, renewal-service already knows
        RenewalServiceStub.certifications(person, certifications(person, "ACTIVE", "2033-12-31", "45", "45"));
        at("2030-12-01T12:00");
        runReminders();
        assertThat(notices(person).getInt("total")).isEqualTo(1);
    }

    @Test
    void aPersonWhoTurnedRemindersOffGetsNoCycleReminderButItIsRecorded() throws Exception {
        String person = grantedWithContact(LocalDate.of(2030, 12, 31));
        turnRemindersOff(person);
        RenewalServiceStub.certifications(person, certifications(person, "ACTIVE", "2030-12-31", "45", "3"));
        at("2030-12-01T12:00");
        runReminders();
        runSender();
        JsonPath recorded = notices(person);
        assertThat(recorded.getString("notices[0].kind")).isEqualTo("REMINDER_CYCLE_END");
        assertThat(recorded.getString("notices[0].status")).isEqualTo("TURNED_OFF");
        assertThat(mailTo(emailOf(person))).noneMatch(m -> subject(m).contains("ends in"));
    }

    @Test
    void aGracePeriodEndingIn30DaysIsReminded() throws Exception {
        String person = grantedWithContact(LocalDate.of(2027, 12, 31));
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_STATUS_CHANGED, person, new CertificationStatusChangedV1(
                UUID.randomUUID(), person, "CPT", "ACTIVE", "GRACE", "cycle ended without renewal",
                LocalDate.of(2028, 1, 1), Instant.parse("2028-01-01T05:00:00Z"), null));
        awaitNotices(person, 2);
        at("2028-05-31T12:00"); // the grace period ends on 30 June (policy)
        runReminders();
        JsonPath recorded = notices(person);
        assertThat(recorded.getString("notices[0].kind")).isEqualTo("REMINDER_GRACE_END");
        assertThat(recorded.getString("notices[0].subject")).isEqualTo("Your CPT grace period ends in 30 days");
        assertThat(recorded.getString("notices[0].text")).contains("2028-06-30");
    }

    @Test
    void proofDueRemindersFollowAnExtensionAndCannotBeTurnedOff() {
        String person = person();
        setContact(person, emailOf(person));
        turnRemindersOff(person);
        UUID auditId = UUID.randomUUID();
        send(Topics.AUDITS, EventTypes.AUDIT_OPENED, person, new AuditOpenedV1(auditId, UUID.randomUUID(), person,
                "CPT", List.of("CPT"), 2027, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31),
                "selected at random, level CPT, 2027", null, Instant.parse("2027-03-01T15:00:00Z")));
        awaitNotices(person, 1);

        at("2027-03-24T12:00");
        runReminders();
        JsonPath seven = notices(person);
        assertThat(seven.getString("notices[0].reminderKey")).isEqualTo(person + ":" + auditId + ":2027-03-31:7d");
        assertThat(seven.getString("notices[0].status")).isEqualTo("PENDING");

        send(Topics.AUDITS, EventTypes.AUDIT_EXTENDED, person, new AuditExtendedV1(auditId, person,
                LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 20), "hospital stay", "staff-1",
                Instant.parse("2027-03-25T15:00:00Z")));
        awaitNotices(person, 3);
        at("2027-03-30T12:00"); // was 1 day before the old date: nothing, the proof is now due on 20 April
        runReminders();
        assertThat(notices(person).getInt("total")).isEqualTo(3);

        at("2027-04-19T12:00");
        runReminders();
        runSender();
        JsonPath one = notices(person);
        assertThat(one.getInt("total")).isEqualTo(4);
        assertThat(one.getString("notices[0].reminderKey")).isEqualTo(person + ":" + auditId + ":2027-04-20:1d");
        assertThat(one.getString("notices[0].status")).isEqualTo("SENT");
        assertThat(mailTo(emailOf(person))).filteredOn(m -> subject(m).contains("Audit proof due in 1 day"))
                .singleElement().satisfies(m -> assertThat(body(m)).contains("2027-04-20")
                        .contains("/api/v1/audits/" + auditId + "/documents"));
    }

    private static String grantedWithContact(LocalDate cycleEnd) {
        String person = person();
        setContact(person, emailOf(person));
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_GRANTED, person, new CertificationGrantedV1(UUID.randomUUID(),
                person, "CPT", LocalDate.of(cycleEnd.getYear() - 3, 1, 15), LocalDate.of(cycleEnd.getYear() - 3, 1, 15),
                cycleEnd, "staff-1", Instant.parse("2020-01-15T15:00:00Z")));
        awaitNotices(person, 1);
        return person;
    }

    private static String certifications(String person, String status, String cycleEnd, String required,
                                         String remaining) {
        return "{\"certificantId\":\"" + person + "\",\"certifications\":[{\"credential\":\"CPT\",\"status\":\""
                + status + "\",\"cycleEnd\":\"" + cycleEnd + "\",\"cecsRequired\":" + required
                + ",\"cecsRemaining\":" + remaining + ",\"renewable\":true,\"reasons\":[]}]}";
    }

    private static void turnRemindersOff(String person) {
        given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON)
                .body("{\"reminders\": false}").put("/api/v1/certificants/{id}/notification-preferences", person)
                .then().statusCode(200);
    }

    private void at(String newYorkTime) {
        clock.set(LocalDateTime.parse(newYorkTime).atZone(NEW_YORK).toInstant());
    }

    private static void runReminders() {
        given().auth().oauth2(TestTokens.staff()).post("/api/v1/admin/jobs/notice-reminders").then().statusCode(200);
    }
}
