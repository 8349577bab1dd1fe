package org.cecplatform.notification;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.renewal.PendingRenewalExpiredV1;
import org.cecplatform.contract.renewal.RenewalPaymentRequestedV1;
import org.junit.jupiter.api.Test;

/** A renewal waiting for its payment and one expired unpaid are told, each once, over real SMTP (GreenMail). */
@QuarkusTest
class PaymentNoticesTest {

    @Test
    void aPendingRenewalSaysWhatToPayTheReferenceAndTheDeadline_once() {
        String person = person();
        String email = emailOf(person);
        setContact(person, email);
        RenewalPaymentRequestedV1 requested = new RenewalPaymentRequestedV1(UUID.randomUUID(), person, "LATE_RENEWAL",
                List.of("CPT", "GEI"), new BigDecimal("110.00"), "USD", "PAY-7Q2X", Instant.parse("2027-11-02T15:00:00Z"),
                Instant.parse("2027-11-09T15:00:00Z"), person);
        String eventId = send(Topics.RENEWALS, EventTypes.RENEWAL_PAYMENT_REQUESTED, person, requested);
        send(Topics.RENEWALS, EventTypes.RENEWAL_PAYMENT_REQUESTED, person, requested, eventId,
                Topics.ownerSource(Topics.RENEWALS).orElseThrow());
        awaitNotices(person, 1);
        runSender();

        assertThat(mailTo(email)).singleElement().satisfies(m -> {
            assertThat(subject(m)).contains("110 USD").contains("2027-11-09 10:00 (America/New_York)");
            assertThat(body(m)).contains("late renewal of CPT, GEI")
                    .contains("What to pay: 110 USD")
                    .contains("Payment reference: PAY-7Q2X")
                    .contains("Deadline: 2027-11-09 10:00 (America/New_York)")
                    .contains(requested.renewalId().toString());
        });
        JsonPath recorded = notices(person);
        assertThat(recorded.getInt("total")).isEqualTo(1);
        assertThat(recorded.getString("notices[0].kind")).isEqualTo("RENEWAL_PAYMENT_REQUESTED");
        assertThat(recorded.getString("notices[0].status")).isEqualTo("SENT");
        assertThat(recorded.getString("notices[0].answersEventId")).isEqualTo(eventId);
        assertThat(messageId(mailTo(email).get(0)))
                .isEqualTo("<notice-" + recorded.getString("notices[0].noticeId") + "@notices.cec-platform.org>");
    }

    @Test
    void anExpiredPendingRenewalSaysNothingWasRenewedAndToRequestAgain() {
        String person = person();
        String email = emailOf(person);
        setContact(person, email);
        send(Topics.RENEWALS, EventTypes.PENDING_RENEWAL_EXPIRED, person, new PendingRenewalExpiredV1(
                UUID.randomUUID(), person, "PAY-7Q2X", Instant.parse("2027-11-09T15:05:00Z")));
        awaitNotices(person, 1);
        runSender();

        assertThat(mailTo(email)).singleElement().satisfies(m -> {
            assertThat(subject(m)).contains("expired unpaid").contains("nothing was renewed");
            assertThat(body(m)).contains("payment reference PAY-7Q2X")
                    .contains("expired at 2027-11-09 10:05 (America/New_York)")
                    .contains("request the renewal again");
        });
        assertThat(notices(person).getString("notices[0].kind")).isEqualTo("PENDING_RENEWAL_EXPIRED");
    }
}
