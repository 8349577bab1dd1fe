package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Acsm.dec;
import static org.cecplatform.renewal.domain.Acsm.noon;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Policy versions with effective dates: a renewal is judged and priced by the version in force on the day it is
 * requested. The application picks {@code history.on(today)} before it builds the person, as these tests do.
 */
class PolicyVersionsTest {

    /** From 1 July 2027: a CPT renewal costs 75 and requires 50 CECs, the late fee is 90. */
    static final LocalDate RAISE = date("2027-07-01");

    static final Policy RAISED = new Policy(
            Acsm.POLICY.credentials().stream()
                    .map(c -> c.code().equals("CPT") ? Acsm.rule("CPT", c.name(), 50, 75) : c).toList(),
            Acsm.NEW_YORK, "USD", 3, Acsm.POLICY.graceEnds(), 3, dec("90"), dec("165"), dec("5"),
            Acsm.POLICY.cecCaps(), Acsm.POLICY.attestationCaps());

    static final RenewalRulesHistory HISTORY = new RenewalRulesHistory(Map.of(
            date("1970-01-01"), Acsm.RULES,
            RAISE, RenewalRules.of(RAISED)));

    private final String id = "cert-" + UUID.randomUUID();
    /** What the repository holds between commands. */
    private List<Certification> stored;

    PolicyVersionsTest() {
        Certificant person = new Certificant(id, List.of(), HISTORY.on(date("2024-05-10")));
        Forms.grant(person, "CPT", "2024-05-10"); // cycle ends 2027-12-31: due all of 2027
        stored = person.certifications();
    }

    /** Loads the person for a command on {@code today}, with the rules in force that day. */
    private Certificant load(LocalDate today) {
        return new Certificant(id, stored, HISTORY.on(today));
    }

    private Renewal renew(LocalDate today, String attested, String paid) {
        Certificant person = load(today);
        Renewal renewal = person.renew(UUID.randomUUID(), Forms.form(List.of("CPT"), Forms.general(attested), paid,
                today), today, noon(today.toString()), List.of(), id);
        stored = person.certifications();
        return renewal;
    }

    @Test
    void theRulesInForceOnADay_changeOnTheEffectiveDayItself() {
        assertThat(HISTORY.on(RAISE.minusDays(1))).isSameAs(Acsm.RULES);
        assertThat(HISTORY.on(RAISE).policy()).isSameAs(RAISED);
        assertThat(HISTORY.on(date("2031-01-01")).policy()).isSameAs(RAISED);
        assertThatThrownBy(() -> HISTORY.on(date("1969-12-31"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRenewalRequestedTheDayBeforeALaterVersion_isPricedAndJudgedByTheVersionOfItsDay() {
        LocalDate dayBefore = RAISE.minusDays(1);

        RenewalQuote quote = load(dayBefore).quote(List.of("CPT"), dayBefore);
        Renewal renewal = renew(dayBefore, "45", "60");

        assertThat(quote.fee().total()).isEqualByComparingTo("60");
        assertThat(quote.cecsRequired()).isEqualByComparingTo("45");
        assertThat(renewal.fee().total()).isEqualByComparingTo("60");
        assertThat(renewal.cecsRequired()).isEqualByComparingTo("45");
        assertThat(renewal.renewedOn()).isEqualTo(dayBefore);
    }

    @Test
    void aRenewalMadeBeforeTheChange_isNotJudgedAgainAfterIt() {
        Renewal before = renew(RAISE.minusDays(1), "45", "60");

        Certificant later = load(RAISE.plusDays(10));
        later.settle(RAISE.plusDays(10), noon(RAISE.plusDays(10).toString()));

        assertThat(later.changes()).isEmpty();
        assertThat(later.certifications()).singleElement().satisfies(c -> {
            assertThat(c.cycle().renewalId()).isEqualTo(before.renewalId());
            assertThat(c.cycle().end()).isEqualTo(date("2030-12-31"));
        });
    }

    @Test
    void fromTheEffectiveDay_theNewFeeAndRequirementApply() {
        RenewalQuote quote = load(RAISE).quote(List.of("CPT"), RAISE);

        assertThat(quote.fee().total()).isEqualByComparingTo("75");
        assertThat(quote.cecsRequired()).isEqualByComparingTo("50");
        assertThatThrownBy(() -> renew(RAISE, "45", "60"))
                .isInstanceOfSatisfying(RequirementsUnmetException.class, e -> assertThat(e.violations())
                        .extracting(Violation::message)
                        .contains("the attested CECs add up to 45.0 (committeeService counted at most 24.0, "
                                + "cprAedFirstAid at most 15.0); CPT requires 50.0",
                                "must be exactly the fee, 75 USD (paid 60)"));

        Renewal renewal = renew(RAISE, "50", "75");

        assertThat(renewal.fee().total()).isEqualByComparingTo("75");
        assertThat(renewal.cecsRequired()).isEqualByComparingTo("50");
    }

    @Test
    void theProgressOfACertification_showsTheRequirementInForceToday() {
        assertThat(load(RAISE.minusDays(1)).progress(RAISE.minusDays(1), List.of()))
                .singleElement().extracting(CertificationProgress::cecsRequired).satisfies(r ->
                        assertThat(r).isEqualByComparingTo("45"));
        assertThat(load(RAISE).progress(RAISE, List.of()))
                .singleElement().extracting(CertificationProgress::cecsRequired).satisfies(r ->
                        assertThat(r).isEqualByComparingTo("50"));
    }
}
