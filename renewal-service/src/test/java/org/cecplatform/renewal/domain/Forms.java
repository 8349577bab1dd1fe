package org.cecplatform.renewal.domain;

import static org.cecplatform.renewal.domain.Acsm.dec;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Builders for the domain tests: people, grants, and renewal forms that meet every requirement unless changed. */
final class Forms {

    private Forms() {
    }

    static Certificant person() {
        return new Certificant("cert-" + UUID.randomUUID(), List.of(), Acsm.RULES);
    }

    /** Grants {@code credential} certified on {@code certifiedOn}, the command running at noon that day. */
    static Certification grant(Certificant person, String credential, String certifiedOn) {
        LocalDate on = LocalDate.parse(certifiedOn);
        return person.grant(UUID.randomUUID(), credential, on, on, "staff-1", Acsm.noon(certifiedOn));
    }

    static AttestedCecs general(String cecs) {
        return new AttestedCecs(dec(cecs), null, null, null, null, null);
    }

    static CprCard currentCard(LocalDate today) {
        return new CprCard("American Red Cross", today.minusMonths(6), today.plusMonths(18), true);
    }

    static Payment paid(String amount) {
        return new Payment(dec(amount), "USD", "pay-" + UUID.randomUUID());
    }

    static RenewalRequest form(List<String> credentials, AttestedCecs attested, String amount, LocalDate today) {
        return new RenewalRequest(credentials, attested, true, currentCard(today), paid(amount));
    }

    static RenewalRequest form(String credential, String amount, LocalDate today) {
        return form(List.of(credential), general("60"), amount, today);
    }

    /** Renews at {@code instant}: "today" is its date in New York, as the service takes it from its clock. */
    static Renewal renewAt(Certificant person, RenewalRequest form, Instant instant, List<Credit> credits) {
        return person.renew(UUID.randomUUID(), form, Acsm.POLICY.dateOf(instant), instant, credits,
                person.id());
    }

    static Credit credit(String completedOn, String category, String cecs) {
        return new Credit(UUID.randomUUID(), LocalDate.parse(completedOn), category, new BigDecimal(cecs), false);
    }
}
