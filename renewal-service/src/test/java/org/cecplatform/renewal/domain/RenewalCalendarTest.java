package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Acsm.newYork;
import static org.cecplatform.renewal.domain.Acsm.noon;
import static org.cecplatform.renewal.domain.Forms.credit;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar table, played through the aggregate with "now" as the service clock would give it. */
class RenewalCalendarTest {

    private final Certificant person = Forms.person();

    @Test
    void givenACycleEnding2027_whenRenewedAt2330NewYorkOnTheLastDay_thenItIsOnTimeAndTheScheduleIsKept() {
        Certification cpt = Forms.grant(person, "CPT", "2024-05-10");
        Instant lastEvening = newYork("2027-12-31T23:30"); // already 2028-01-01 in UTC

        Renewal renewal = Forms.renewAt(person, Forms.form("CPT", "60", date("2027-12-31")), lastEvening, List.of());

        assertThat(renewal.kind()).isEqualTo(RenewalKind.RENEWAL);
        assertThat(renewal.renewedOn()).isEqualTo(date("2027-12-31"));
        assertThat(renewal.fee().total()).isEqualByComparingTo("60");
        assertThat(renewal.cycleStart()).isEqualTo(date("2028-01-01"));
        assertThat(renewal.cycleEnd()).isEqualTo(date("2030-12-31"));
        assertThat(cpt.cycle()).isEqualTo(new Cycle(2, date("2028-01-01"), date("2030-12-31"), date("2028-01-01"),
                CycleOrigin.RENEWAL, renewal.renewalId(), null, null));
        assertThat(person.changes()).noneMatch(CertificationEvent.StatusChanged.class::isInstance);
    }

    @Test
    void givenTheGracePeriod_whenRenewed_thenItIsLateWithTheLateFeeAndTheOriginalSchedule() {
        Certification cpt = Forms.grant(person, "CPT", "2024-05-10");
        List<Credit> credits = List.of(credit("2027-06-01", "GENERAL", "30"), credit("2028-02-01", "GENERAL", "20"),
                credit("2028-03-16", "GENERAL", "7"));

        Renewal renewal = Forms.renewAt(person, Forms.form("CPT", "140", date("2028-03-15")), noon("2028-03-15"),
                credits);

        assertThat(renewal.kind()).isEqualTo(RenewalKind.LATE_RENEWAL);
        assertThat(renewal.fee().items()).extracting(FeeItem::description)
                .containsExactly("Renewal fee, CPT (Certified Personal Trainer)",
                        "Late fee (renewal in the grace period)");
        assertThat(renewal.cycleStart()).isEqualTo(date("2028-01-01"));
        assertThat(renewal.cycleEnd()).isEqualTo(date("2030-12-31"));
        assertThat(renewal.cecsTracked()).as("grace-period credits before the renewal count toward the expired cycle")
                .isEqualByComparingTo("50");
        assertThat(cpt.recordedStatus()).isEqualTo(CertificationStatus.ACTIVE);
        assertThat(person.changes()).filteredOn(CertificationEvent.StatusChanged.class::isInstance)
                .extracting(e -> ((CertificationEvent.StatusChanged) e).to())
                .containsExactly(CertificationStatus.GRACE, CertificationStatus.ACTIVE);
        assertThat(person.changes()).as("in the order things happened")
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Granted", "StatusChanged", "Renewed", "StatusChanged");

        CertificationProgress progress = person.progress(date("2028-04-01"), credits).get(0);
        assertThat(progress.tracked().total()).as("only credits after the renewal date count toward the new cycle")
                .isEqualByComparingTo("7");
    }

    @Test
    void givenAnEarlyRenewal_whenRenewed_thenItRecordsTheWindowItCountedAndLaterCreditsGoToTheNewCycleOnly() {
        Forms.grant(person, "CPT", "2024-05-10");
        List<Credit> credits = List.of(credit("2026-06-01", "GENERAL", "45"), credit("2027-02-21", "GENERAL", "10"));

        Renewal renewal = Forms.renewAt(person, Forms.form("CPT", "60", date("2027-02-20")), noon("2027-02-20"),
                credits);

        assertThat(renewal.countedFrom()).isEqualTo(date("2024-05-10"));
        assertThat(renewal.countedTo()).as("the day the renewal was requested").isEqualTo(date("2027-02-20"));
        assertThat(renewal.cecsTracked()).isEqualByComparingTo("45");
        assertThat(person.progress(date("2027-03-01"), credits).get(0).tracked().total())
                .as("the course after the renewal counts toward the new cycle").isEqualByComparingTo("10");
    }

    @Test
    void givenASecondCycle_whenRenewed_thenItCountedFromTheDayAfterTheRenewalBefore() {
        Forms.grant(person, "CPT", "2024-05-10");
        Forms.renewAt(person, Forms.form("CPT", "60", date("2027-02-20")), noon("2027-02-20"), List.of());

        Renewal second = Forms.renewAt(person, Forms.form("CPT", "60", date("2030-03-01")), noon("2030-03-01"),
                List.of());

        assertThat(second.countedFrom()).isEqualTo(date("2027-02-21"));
        assertThat(second.countedTo()).isEqualTo(date("2030-03-01"));
    }

    @Test
    void givenAReplacementCecAnAuditCountedTowardTheOldCycle_whenTheNewCycleIsCounted_thenItIsLeftOutButUsesItsYearsCap() {
        Forms.grant(person, "CPT", "2024-05-10");
        Forms.renewAt(person, Forms.form("CPT", "60", date("2027-02-20")), noon("2027-02-20"), List.of());
        Credit replacement = credit("2027-04-10", "COMMITTEE_SERVICE", "6");
        List<Credit> credits = List.of(new Credit(replacement.creditId(), replacement.completedOn(),
                replacement.category(), replacement.cecs(), false, true), credit("2027-05-01", "COMMITTEE_SERVICE", "6"));

        CertificationProgress progress = person.progress(date("2027-06-01"), credits).get(0);

        assertThat(progress.tracked().total()).as("8 - 6 left of 2027's committee cap").isEqualByComparingTo("2");
    }

    @Test
    void givenTheLastEveningOfTheGracePeriod_whenRenewedAt2330NewYork_thenItIsStillALateRenewal() {
        Forms.grant(person, "CPT", "2024-05-10");

        Renewal renewal = Forms.renewAt(person, Forms.form("CPT", "140", date("2028-06-30")),
                newYork("2028-06-30T23:30"), List.of());

        assertThat(renewal.kind()).isEqualTo(RenewalKind.LATE_RENEWAL);
    }

    @Test
    void givenThe1stOfJuly_whenARenewalIsSubmitted_thenItIsLapsedAndOnlyAReinstatementIsPossible() {
        Forms.grant(person, "CPT", "2024-05-10");
        Instant firstOfJuly = newYork("2028-07-01T00:30");

        assertThatThrownBy(() -> Forms.renewAt(person, Forms.form("CPT", "140", date("2028-07-01")), firstOfJuly,
                List.of()))
                .asInstanceOf(type(RequirementsUnmetException.class))
                .extracting(RequirementsUnmetException::violations).asList()
                .containsExactly(new Violation("payment.amount",
                        "must be exactly the fee, 165 USD (paid 140)"));

        RenewalQuote quote = person.quote(List.of("CPT"), date("2028-07-01"));
        assertThat(quote.kind()).isEqualTo(RenewalKind.REINSTATEMENT);
        assertThat(quote.fee().total()).isEqualByComparingTo("165");
        assertThat(quote.cycleStart()).isEqualTo(date("2028-07-01"));
        assertThat(quote.cycleEnd()).isEqualTo(date("2031-12-31"));
    }

    @Test
    void givenALapsedCycle_whenReinstated_thenANewScheduleStartsThatDayTheGapIsKeptAndOnlyLapsedCycleCreditsCount() {
        Certification cpt = Forms.grant(person, "CPT", "2024-05-10");
        List<Credit> credits = List.of(credit("2025-04-01", "GENERAL", "20"), credit("2027-12-31", "GENERAL", "5"),
                credit("2028-03-01", "GENERAL", "10"), credit("2029-05-10", "GENERAL", "3"));

        Renewal renewal = Forms.renewAt(person, Forms.form("CPT", "165", date("2029-05-10")), noon("2029-05-10"),
                credits);

        assertThat(renewal.kind()).isEqualTo(RenewalKind.REINSTATEMENT);
        assertThat(renewal.cycleStart()).isEqualTo(date("2029-05-10"));
        assertThat(renewal.cycleEnd()).isEqualTo(date("2032-12-31"));
        assertThat(renewal.cecsTracked()).as("only credits inside the lapsed cycle's window").isEqualByComparingTo("25");
        RenewedCertification renewed = renewal.levelCertification();
        assertThat(renewed.gapFrom()).isEqualTo(date("2028-01-01"));
        assertThat(renewed.gapTo()).isEqualTo(date("2029-05-09"));
        assertThat(renewed.previousCycleStart()).isEqualTo(date("2024-05-10"));
        assertThat(renewed.previousCycleEnd()).isEqualTo(date("2027-12-31"));

        assertThat(cpt.cycles()).hasSize(2);
        assertThat(cpt.cycles().get(0).end()).isEqualTo(date("2027-12-31"));
        assertThat(cpt.cycle()).isEqualTo(new Cycle(2, date("2029-05-10"), date("2032-12-31"), date("2029-05-10"),
                CycleOrigin.REINSTATEMENT, renewal.renewalId(), date("2028-01-01"), date("2029-05-09")));
        assertThat(person.changes()).filteredOn(CertificationEvent.StatusChanged.class::isInstance)
                .extracting(e -> ((CertificationEvent.StatusChanged) e).to())
                .containsExactly(CertificationStatus.GRACE, CertificationStatus.LAPSED, CertificationStatus.ACTIVE);
        assertThat(person.progress(date("2029-06-01"), credits).get(0).tracked().total())
                .as("the reinstatement-day credit belongs to the new cycle").isEqualByComparingTo("3");
    }

    @Test
    void givenALapsedCycleOutOfReach_whenRenewed_thenOnlyANewExamHelps() {
        Forms.grant(person, "CPT", "2024-05-10");

        assertThatThrownBy(() -> Forms.renewAt(person, Forms.form("CPT", "165", date("2031-01-01")),
                noon("2031-01-01"), List.of()))
                .asInstanceOf(type(RequirementsUnmetException.class))
                .extracting(e -> e.violations().get(0))
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("credentials[0]");
                    assertThat(v.message()).contains("only a new certification exam restores it");
                });
    }

    @Test
    void givenTwoCredentialsDueTogether_whenRenewedTogether_thenTheHighestSetsTheRequirementAndFeePlus5() {
        Certification cpt = Forms.grant(person, "CPT", "2024-05-10");
        Certification gei = Forms.grant(person, "GEI", "2024-09-01");

        Renewal renewal = Forms.renewAt(person, Forms.form(List.of("GEI", "CPT"), Forms.general("45"), "65",
                date("2027-10-01")), noon("2027-10-01"), List.of());

        assertThat(renewal.credentials()).containsExactly("CPT", "GEI");
        assertThat(renewal.level()).isEqualTo("CPT");
        assertThat(renewal.cecsRequired()).isEqualByComparingTo("45");
        assertThat(renewal.fee().total()).isEqualByComparingTo("65");
        assertThat(cpt.cycle().end()).isEqualTo(date("2030-12-31"));
        assertThat(gei.cycle().end()).isEqualTo(date("2030-12-31"));
        assertThat(renewal.certifications()).extracting(RenewedCertification::previousCycleStart)
                .containsExactly(date("2024-05-10"), date("2024-09-01"));
        assertThat(person.newRenewals()).containsExactly(renewal);
    }

    @Test
    void givenCepAndCet_whenRenewedTogether_thenSixtyCecsAreRequired() {
        Forms.grant(person, "CET", "2024-05-10");
        Forms.grant(person, "CEP", "2024-05-11");

        RenewalQuote quote = person.quote(List.of("CET", "CEP"), date("2027-02-01"));

        assertThat(quote.level()).isEqualTo("CEP");
        assertThat(quote.cecsRequired()).isEqualByComparingTo("60");
        assertThat(quote.fee().total()).isEqualByComparingTo("75");
        assertThat(quote.credentials()).containsExactly("CEP", "CET");
    }

    @Test
    void givenCredentialsInDifferentStates_whenRenewedTogether_thenTheMixIsRefused() {
        Forms.grant(person, "CPT", "2024-05-10"); // due in 2027
        Forms.grant(person, "GEI", "2023-05-10"); // ended 2026: grace in 2027

        assertThatThrownBy(() -> person.quote(List.of("CPT", "GEI"), date("2027-03-01")))
                .asInstanceOf(type(RequirementsUnmetException.class))
                .extracting(RequirementsUnmetException::violations).asList()
                .containsExactly(new Violation("credentials", "one renewal may not mix credentials in different"
                        + " states: CPT is due (renewal on time), GEI is in its grace period (late renewal)"));
    }

    @Test
    void givenAnEarlyRenewal_thenCreditsAfterTheRenewalDateCountTowardTheNewCycleAndItIsNotDueAgain() {
        Certification cpt = Forms.grant(person, "CPT", "2024-05-10");
        List<Credit> credits = List.of(credit("2027-03-01", "GENERAL", "40"), credit("2027-03-02", "GENERAL", "6"),
                credit("2027-11-30", "GENERAL", "4"));

        Renewal renewal = Forms.renewAt(person, Forms.form("CPT", "60", date("2027-03-01")), noon("2027-03-01"),
                credits);

        assertThat(renewal.cecsTracked()).as("credits up to and including the renewal date").isEqualByComparingTo("40");
        assertThat(cpt.cycle().start()).as("the new cycle starts the day after the old end").isEqualTo(date("2028-01-01"));
        assertThat(cpt.cycle().countingFrom()).isEqualTo(date("2027-03-02"));
        CertificationProgress progress = person.progress(date("2027-12-01"), credits).get(0);
        assertThat(progress.tracked().total()).isEqualByComparingTo("10");
        assertThat(progress.eligibility().renewable()).isFalse();
        assertThat(progress.eligibility().reasons()).containsExactly(
                "not due yet: the renewal window for the cycle ending 2030-12-31 opens on 2030-01-01");
        assertThatThrownBy(() -> Forms.renewAt(person, Forms.form("CPT", "60", date("2027-04-01")),
                noon("2027-04-01"), credits)).isInstanceOf(RequirementsUnmetException.class);
    }

    @Test
    void givenTheCycleIsNotInItsFinalYear_whenRenewed_thenTheWindowOpeningIsNamed() {
        Forms.grant(person, "CPT", "2024-05-10");

        assertThatThrownBy(() -> person.quote(List.of("CPT"), date("2026-12-31")))
                .asInstanceOf(type(RequirementsUnmetException.class))
                .extracting(RequirementsUnmetException::violations).asList()
                .containsExactly(new Violation("credentials[0]", "CPT cannot be renewed now: not due yet: the"
                        + " renewal window for the cycle ending 2027-12-31 opens on 2027-01-01"));
    }

    @Test
    void givenCertifiedOn29February_whenRenewedOnTimeAndAgainThreeYearsLater_thenTheScheduleStaysOnYearEnds() {
        Certification gei = Forms.grant(person, "GEI", "2024-02-29");

        Forms.renewAt(person, Forms.form("GEI", "60", date("2027-02-28")), noon("2027-02-28"), List.of());
        Forms.renewAt(person, Forms.form("GEI", "60", date("2030-12-31")), newYork("2030-12-31T23:30"), List.of());

        assertThat(gei.cycles()).extracting(Cycle::start, Cycle::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(date("2024-02-29"), date("2027-12-31")),
                org.assertj.core.groups.Tuple.tuple(date("2028-01-01"), date("2030-12-31")),
                org.assertj.core.groups.Tuple.tuple(date("2031-01-01"), date("2033-12-31")));
    }

    @Test
    void givenAGrantWithoutADateLateOn31December_whenRenewed_thenTheFinalYearIs2027Not2028() {
        Instant at = newYork("2024-12-31T23:30");
        person.grant(java.util.UUID.randomUUID(), "CPT", null, Acsm.POLICY.dateOf(at), "staff-1", at);

        RenewalQuote quote = person.quote(List.of("CPT"), date("2027-01-01"));

        assertThat(quote.kind()).isEqualTo(RenewalKind.RENEWAL);
        assertThat(quote.cycleEnd()).isEqualTo(date("2030-12-31"));
    }
}
