package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Acsm.noon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A renewal request waiting for its fee, and its expiry, are recorded as the person's changes and move nothing. */
class CertificantPaymentProcessTest {

    private static PendingRenewal pendingOf(Certificant person, RenewalQuote quote, Instant at) {
        return new PendingRenewal(UUID.randomUUID(), person.id(), RenewalStatus.PENDING, date("2027-06-15"), at,
                at.plus(Duration.ofHours(24)), person.id(), Forms.form("CPT", "60", date("2027-06-15")), quote,
                "RNW-0123456789ABCDEFGHJK");
    }

    @Test
    void givenACheckedRequest_whenItAwaitsPaymentAndExpires_thenBothAreRecordedAndTheFoldIsUnchanged() {
        Certificant person = Forms.person();
        Forms.grant(person, "CPT", "2024-05-10");
        Instant at = noon("2027-06-15");
        RenewalQuote quote = person.checkRenewal(Forms.form("CPT", "60", date("2027-06-15")), date("2027-06-15"), at);
        PendingRenewal pending = pendingOf(person, quote, at);

        person.awaitPayment(pending);
        person.pendingRenewalExpired(pending, at.plus(Duration.ofHours(25)));

        List<CertificationEvent> changes = person.changes();
        assertThat(changes.get(1)).isEqualTo(new CertificationEvent.PaymentRequested(pending));
        assertThat(changes.get(2)).isEqualTo(new CertificationEvent.PendingRenewalExpired(pending.renewalId(),
                person.id(), "RNW-0123456789ABCDEFGHJK", at.plus(Duration.ofHours(25))));
        Certificant folded = Certificant.fromHistory(person.id(), changes, Acsm.RULES);
        Certificant grantedOnly = Certificant.fromHistory(person.id(), changes.subList(0, 1), Acsm.RULES);
        assertThat(folded.certifications().get(0).cycles()).isEqualTo(grantedOnly.certifications().get(0).cycles());
        assertThat(folded.certifications().get(0).recordedStatus()).isEqualTo(CertificationStatus.ACTIVE);
    }

    @Test
    void givenSomeoneElsesRequest_whenRecorded_thenItIsRefusedAndNothingIsRecorded() {
        Certificant person = Forms.person();
        Certificant other = Forms.person();
        Forms.grant(other, "CPT", "2024-05-10");
        Instant at = noon("2027-06-15");
        PendingRenewal theirs = pendingOf(other, other.quote(List.of("CPT"), date("2027-06-15")), at);

        assertThatThrownBy(() -> person.awaitPayment(theirs)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> person.pendingRenewalExpired(theirs, at)).isInstanceOf(IllegalArgumentException.class);
        assertThat(person.changes()).isEmpty();
    }
}
