package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Acsm.dec;
import static org.cecplatform.renewal.domain.Acsm.noon;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenewalRequirementsTest {

    private static final LocalDate TODAY = date("2027-06-15");

    private final Certificant person = Forms.person();

    RenewalRequirementsTest() {
        Forms.grant(person, "CPT", "2024-05-10");
        Forms.grant(person, "GEI", "2025-05-10"); // not due before 2028
    }

    private List<Violation> violations(RenewalRequest request) {
        try {
            person.renew(java.util.UUID.randomUUID(), request, TODAY, noon(TODAY.toString()), List.of(), person.id());
        } catch (RequirementsUnmetException e) {
            assertThat(person.newRenewals()).as("nothing renewed").isEmpty();
            return e.violations();
        }
        throw new AssertionError("the renewal was accepted");
    }

    private static RenewalRequest valid() {
        return Forms.form("CPT", "60", TODAY);
    }

    @Test
    void givenAFormWithEverythingWrong_whenSubmitted_thenEveryUnmetRequirementIsListedAtOnce() {
        RenewalRequest request = new RenewalRequest(List.of("CPT", "XYZ", "GEI", "CPT", "CET"),
                new AttestedCecs(dec("-1"), dec("1.25"), null, null, null, null), false,
                new CprCard(" ", date("2027-06-16"), date("2027-06-14"), false),
                new Payment(dec("10"), "EUR", " "));

        assertThat(violations(request)).extracting(Violation::field).containsExactly(
                "credentials[1]", "credentials[2]", "credentials[3]", "credentials[4]",
                "attestedCecs.ceOnlineAndAcsmEvents", "attestedCecs.otherProviders",
                "acknowledged",
                "cpr.provider", "cpr.issuedOn", "cpr.expiresOn", "cpr.handsOnSkills",
                "payment.currency", "payment.reference");
        assertThat(violations(request)).extracting(Violation::message).contains(
                "unknown credential 'XYZ'; known: CEP, EP, CPT, GEI, PAPHS, CIFT, CET",
                "CPT is named more than once",
                "you hold no CET certification",
                "the card must include a hands-on skills component; online-only cards are refused");
    }

    @Test
    void givenMissingParts_whenSubmitted_thenEachMissingPartIsNamed() {
        RenewalRequest request = new RenewalRequest(null, null, null, null, null);

        assertThat(violations(request)).extracting(Violation::field)
                .containsExactly("credentials", "attestedCecs", "acknowledged", "cpr", "payment");
    }

    @Test
    void givenACompleteForm_whenSubmitted_thenItIsAccepted() {
        Renewal renewal = person.renew(java.util.UUID.randomUUID(), valid(), TODAY, noon(TODAY.toString()), List.of(),
                person.id());

        assertThat(renewal.kind()).isEqualTo(RenewalKind.RENEWAL);
        assertThat(renewal.cecsAttested()).isEqualByComparingTo("60");
        assertThat(renewal.payment().currency()).isEqualTo("USD");
    }

    @Test
    void givenAttestedTotalsBelowTheRequirementOnceCapped_whenSubmitted_thenTheShortfallIsExplained() {
        RenewalRequest request = new RenewalRequest(List.of("CPT"),
                new AttestedCecs(dec("5"), null, null, dec("30"), dec("20"), null), true, Forms.currentCard(TODAY),
                Forms.paid("60"));

        assertThat(violations(request)).containsExactly(new Violation("attestedCecs",
                "the attested CECs add up to 44.0 (committeeService counted at most 24.0, cprAedFirstAid at most"
                        + " 15.0); CPT requires 45.0"));
    }

    @Test
    void givenCappedFieldsThatStillReachTheRequirement_whenAccepted_thenTheyAreStoredAsCounted() {
        RenewalRequest request = new RenewalRequest(List.of("CPT"),
                new AttestedCecs(dec("6"), null, null, dec("30"), dec("20"), null), true, Forms.currentCard(TODAY),
                Forms.paid("60"));

        Renewal renewal = person.renew(java.util.UUID.randomUUID(), request, TODAY, noon(TODAY.toString()), List.of(),
                person.id());

        assertThat(renewal.attestedAsCounted().committeeService()).isEqualByComparingTo("24");
        assertThat(renewal.attestedAsCounted().cprAedFirstAid()).isEqualByComparingTo("15");
        assertThat(renewal.attestedAsCounted().otherProviders()).isEqualByComparingTo("0");
        assertThat(renewal.cecsAttested()).isEqualByComparingTo("45");
        assertThat(renewal.attestedAsSubmitted().committeeService()).isEqualByComparingTo("30");
    }

    @Test
    void givenEachFieldContributing_whenSummed_thenAllSixFieldsCount() {
        AttestedCecs attested = new AttestedCecs(dec("10"), dec("10"), dec("10"), dec("5"), dec("5"), dec("5.5"));

        assertThat(attested.counted(Acsm.POLICY.attestationCaps()).total()).isEqualByComparingTo("45.5");
    }

    @Test
    void givenACprCardExpiringOnTheSubmissionDate_whenSubmitted_thenItIsStillCurrent() {
        RenewalRequest request = new RenewalRequest(List.of("CPT"), Forms.general("45"), true,
                new CprCard("AHA", date("2025-06-15"), TODAY, true), Forms.paid("60"));

        assertThat(person.renew(java.util.UUID.randomUUID(), request, TODAY, noon(TODAY.toString()), List.of(),
                person.id())).isNotNull();
    }

    @Test
    void givenACprCardThatExpiredTheDayBefore_whenSubmitted_thenItIsRefused() {
        RenewalRequest request = new RenewalRequest(List.of("CPT"), Forms.general("45"), true,
                new CprCard("AHA", date("2025-06-14"), TODAY.minusDays(1), true), Forms.paid("60"));

        assertThat(violations(request)).containsExactly(new Violation("cpr.expiresOn",
                "the card expired on 2027-06-14; it must be current on the submission date (2027-06-15)"));
    }

    @Test
    void givenAnOnlineOnlyCard_whenSubmitted_thenItIsRefused() {
        RenewalRequest request = new RenewalRequest(List.of("CPT"), Forms.general("45"), true,
                new CprCard("Online CPR Inc", date("2027-01-01"), date("2029-01-01"), false), Forms.paid("60"));

        assertThat(violations(request)).extracting(Violation::field).containsExactly("cpr.handsOnSkills");
    }

    @Test
    void givenAPaymentOfTheExactFeeWrittenDifferently_whenSubmitted_thenItIsAccepted() {
        RenewalRequest request = new RenewalRequest(List.of("CPT"), Forms.general("45"), true,
                Forms.currentCard(TODAY), new Payment(dec("60.00"), "USD", "  pay-1  "));

        Renewal renewal = person.renew(java.util.UUID.randomUUID(), request, TODAY, noon(TODAY.toString()), List.of(),
                person.id());

        assertThat(renewal.payment().reference()).isEqualTo("pay-1");
    }

    @Test
    void givenAPaymentOneCentShort_whenSubmitted_thenItIsRefused() {
        RenewalRequest request = new RenewalRequest(List.of("CPT"), Forms.general("45"), true,
                Forms.currentCard(TODAY), new Payment(dec("59.99"), "USD", "pay-2"));

        assertThat(violations(request)).containsExactly(new Violation("payment.amount",
                "must be exactly the fee, 60 USD (paid 59.99)"));
    }

    @Test
    void givenAnOverlongReferenceAndTooManyDecimals_whenSubmitted_thenBothAreRefused() {
        char[] longReference = new char[101];
        Arrays.fill(longReference, 'x');
        RenewalRequest request = new RenewalRequest(List.of("CPT"),
                new AttestedCecs(dec("45.05"), null, null, null, null, null), true, Forms.currentCard(TODAY),
                new Payment(dec("60"), "USD", new String(longReference)));

        assertThat(violations(request)).extracting(Violation::field)
                .containsExactly("attestedCecs.ceOnlineAndAcsmEvents", "payment.reference");
    }

    @Test
    void givenAnInactiveCertification_whenRenewed_thenTheAuditHoldIsTheReason() {
        person.auditOverdue(java.util.UUID.randomUUID(), null, List.of("CPT"), TODAY, noon(TODAY.toString()));

        assertThatThrownBy(() -> person.renew(java.util.UUID.randomUUID(), valid(), TODAY, noon(TODAY.toString()),
                List.of(), person.id()))
                .isInstanceOf(RequirementsUnmetException.class)
                .extracting(e -> ((RequirementsUnmetException) e).violations().get(0).message()).asString()
                .contains("audit proof is overdue");
    }
}
