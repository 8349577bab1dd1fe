package org.cecplatform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.notification.Fixtures.awaitNotices;
import static org.cecplatform.notification.Fixtures.body;
import static org.cecplatform.notification.Fixtures.emailOf;
import static org.cecplatform.notification.Fixtures.mailTo;
import static org.cecplatform.notification.Fixtures.messageId;
import static org.cecplatform.notification.Fixtures.notices;
import static org.cecplatform.notification.Fixtures.person;
import static org.cecplatform.notification.Fixtures.runSender;
import static org.cecplatform.notification.Fixtures.send;
import static org.cecplatform.notification.Fixtures.setContact;
import static org.cecplatform.notification.Fixtures.subject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.audit.AuditOpenedV1;
import org.cecplatform.contract.renewal.CertificationGrantedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV2;
import org.cecplatform.contract.renewal.CertificationStatusChangedV1;
import org.cecplatform.contract.renewal.FeeItemV2;
import org.cecplatform.contract.renewal.PaymentV2;
import org.cecplatform.testsupport.TestDeadLetters;
import org.cecplatform.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * Events become notices, each once, sent over real SMTP (GreenMail) from the outbox with a Message-ID derived from the
 * notice, and announced by NoticeSent on cec.notices.v1 without the address.
 */
@QuarkusTest
class EventNoticesTest {

    @Test
    void aGrantIsMailedOnce_withTheNoticesMessageId_andNoticeSentCarriesNoAddress() {
        String person = person();
        String email = emailOf(person);
        setContact(person, email);
        CertificationGrantedV1 cpt = granted(person, "CPT");
        String eventId = send(Topics.RENEWALS, EventTypes.CERTIFICATION_GRANTED, person, cpt);
        // The same event again (a redelivery, same ce_id), then another grant that proves the copy was read.
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_GRANTED, person, cpt, eventId,
                Topics.ownerSource(Topics.RENEWALS).orElseThrow());
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_GRANTED, person, granted(person, "GEI"));

        JsonPath recorded = awaitNotices(person, 2);
        assertThat(recorded.getInt("total")).isEqualTo(2);
        assertThat(recorded.getList("notices.status", String.class)).containsOnly("PENDING");
        assertThat(recorded.getList("notices.answersEventId", String.class)).contains(eventId);
        assertThat(mailTo(email)).isEmpty();

        runSender();
        runSender();

        List<MimeMessage> mail = mailTo(email);
        assertThat(mail).hasSize(2);
        JsonPath sent = notices(person);
        assertThat(sent.getList("notices.status", String.class)).containsOnly("SENT");
        Map<String, Object> cptNotice = sent.getMap("notices.find { it.answersEventId == '" + eventId + "' }");
        assertThat(cptNotice.get("kind")).isEqualTo("CERTIFICATION_GRANTED");
        assertThat(cptNotice.get("sentAt")).isNotNull();
        String noticeId = (String) cptNotice.get("noticeId");
        MimeMessage cptMail = mail.stream().filter(m -> subject(m).contains("CPT")).findFirst().orElseThrow();
        assertThat(messageId(cptMail)).isEqualTo("<notice-" + noticeId + "@notices.cec-platform.org>");
        assertThat(subject(cptMail)).isEqualTo(cptNotice.get("subject"));
        assertThat(body(cptMail)).contains("2027-01-15").contains("2030-12-31");

        List<ConsumerRecord<String, String>> published = TestKafka.read(Topics.NOTICES,
                r -> person.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(published).hasSize(2);
        ConsumerRecord<String, String> cptSent = published.stream()
                .filter(r -> r.value().contains(noticeId)).findFirst().orElseThrow();
        assertThat(TestKafka.header(cptSent, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.NOTICE_SENT);
        assertThat(TestKafka.header(cptSent, CloudEventHeaders.SOURCE)).isEqualTo("/cec-platform/notification-service");
        assertThat(cptSent.value()).contains("\"answersEventId\":\"" + eventId + "\"")
                .contains("\"kind\":\"CERTIFICATION_GRANTED\"").doesNotContain(email).doesNotContain("@");
    }

    @Test
    void anOpenedAuditSaysWhatToSendTheDueDateAndWhereToUpload() {
        String person = person();
        String email = emailOf(person);
        setContact(person, email);
        UUID auditId = UUID.randomUUID();
        send(Topics.AUDITS, EventTypes.AUDIT_OPENED, person, new AuditOpenedV1(auditId, UUID.randomUUID(), person,
                "CPT", List.of("CPT"), 2027, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31),
                "selected at random, level CPT, 2027", null, Instant.parse("2027-03-01T15:00:00Z")));
        awaitNotices(person, 1);
        runSender();

        assertThat(mailTo(email)).singleElement().satisfies(m -> {
            assertThat(subject(m)).contains("2027-03-31");
            assertThat(body(m)).contains("Due date: 2027-03-31")
                    .contains("proof of completion")
                    .contains("http://127.0.0.1:8083/api/v1/audits/" + auditId + "/documents")
                    .contains("/api/v1/audits/" + auditId + "/submission");
        });
    }

    @Test
    void aPaidRenewalIsTheReceipt() {
        String person = person();
        String email = emailOf(person);
        setContact(person, email);
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_RENEWED_V2, person, renewedV2(person));
        awaitNotices(person, 1);
        runSender();

        assertThat(mailTo(email)).singleElement().satisfies(m -> {
            assertThat(subject(m)).contains("2030-12-31");
            assertThat(body(m)).contains("from 2028-01-01 to 2030-12-31").contains("Renewal fee: 85 USD")
                    .contains("Total: 85 USD").contains("Paid: 85 USD, reference PAY-123");
        });
        assertThat(notices(person).getString("notices[0].kind")).isEqualTo("RENEWAL_ACCEPTED");
    }

    @Test
    void withoutAnAddressTheNoticeIsRecordedAsNotSentAndNotRetried() {
        String person = person();
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_GRANTED, person, granted(person, "CPT"));
        awaitNotices(person, 1);
        runSender();
        runSender();

        JsonPath notice = notices(person);
        assertThat(notice.getString("notices[0].status")).isEqualTo("NOT_SENT_NO_ADDRESS");
        assertThat(notice.getInt("notices[0].attempts")).isEqualTo(1);
        assertThat(notice.getString("notices[0].sentAt")).isNull();
        assertThat(mailTo(emailOf(person))).isEmpty();
    }

    @Test
    void forgedOrIncompleteEventsGoToTheDeadLetterTopicAndTheNextOnesAreNotified() {
        String person = person();
        setContact(person, emailOf(person));
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_GRANTED, person, granted(person, "CPT"),
                UUID.randomUUID().toString(), "/cec-platform/someone-else");
        // Readable, but without the due date (and more) that its notice must tell.
        send(Topics.AUDITS, EventTypes.AUDIT_OPENED, person, "{\"auditId\":\"" + UUID.randomUUID() + "\",\"year\":2027}");
        send(Topics.AUDITS, EventTypes.AUDIT_OPENED, person, "not json");
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_GRANTED, person, granted(person, "GEI"));

        assertThat(TestDeadLetters.reasons(Topics.RENEWALS, person, 1))
                .containsExactly(TestDeadLetters.notFromTheOwner(Topics.RENEWALS, "/cec-platform/someone-else"));
        assertThat(TestDeadLetters.reasons(Topics.AUDITS, person, 2))
                .anySatisfy(reason -> assertThat(reason).contains("lacks what its notice needs"))
                .anySatisfy(reason -> assertThat(reason).contains("unreadable"));
        JsonPath recorded = awaitNotices(person, 1);
        assertThat(recorded.getInt("total")).isEqualTo(1);
        assertThat(recorded.getString("notices[0].subject")).contains("GEI");
    }

    @Test
    void graceAndAnInactiveWithoutAuditAreTold_anInactiveCausedByAnAuditIsLeftToTheAuditsOverdueNotice() {
        String person = person();
        String email = emailOf(person);
        setContact(person, email);
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_STATUS_CHANGED, person, statusChange(person, "CPT", "ACTIVE",
                "GRACE", null));
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_STATUS_CHANGED, person, statusChange(person, "CPT", "ACTIVE",
                "INACTIVE", UUID.randomUUID()));
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_STATUS_CHANGED, person, statusChange(person, "GEI", "ACTIVE",
                "INACTIVE", null));
        // the last event's notice is recorded once the earlier ones were read
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(person).getList("notices.kind", String.class)
                .contains("STATUS_INACTIVE"));
        runSender();

        assertThat(notices(person).getList("notices.kind", String.class))
                .containsExactlyInAnyOrder("STATUS_GRACE", "STATUS_INACTIVE");
        assertThat(mailTo(email)).extracting(m -> subject(m))
                .containsExactlyInAnyOrder("Your CPT certification is in its grace period",
                        "Your GEI certification is inactive");
    }

    private static CertificationStatusChangedV1 statusChange(String person, String credential, String from, String to,
                                                             UUID auditId) {
        return new CertificationStatusChangedV1(UUID.randomUUID(), person, credential, from, to, "test", LocalDate.of(2027,
                6, 1), Instant.parse("2027-06-01T15:00:00Z"), auditId);
    }

    static CertificationGrantedV1 granted(String person, String credential) {
        return new CertificationGrantedV1(UUID.randomUUID(), person, credential, LocalDate.of(2027, 1, 15),
                LocalDate.of(2027, 1, 15), LocalDate.of(2030, 12, 31), "staff-1", Instant.parse("2027-01-15T15:00:00Z"));
    }

    private static CertificationRenewedV2 renewedV2(String person) {
        return new CertificationRenewedV2(UUID.randomUUID(), person, "RENEWAL", List.of("CPT"), "CPT",
                LocalDate.of(2027, 11, 2), Instant.parse("2027-11-02T15:00:00Z"), LocalDate.of(2025, 1, 1),
                LocalDate.of(2027, 12, 31), LocalDate.of(2028, 1, 1), LocalDate.of(2030, 12, 31),
                new BigDecimal("45"), new BigDecimal("45"), new BigDecimal("45"), new BigDecimal("85.00"), "USD",
                LocalDate.of(2025, 1, 1), LocalDate.of(2027, 11, 2), List.of(), null, null,
                List.of(new FeeItemV2("Renewal fee", new BigDecimal("85.00"))),
                new PaymentV2(new BigDecimal("85.00"), "USD", "PAY-123"), null, person);
    }
}
