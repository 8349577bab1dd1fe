package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Forms.credit;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final Certificant person = Forms.person();

    @Test
    void givenCreditsInTheLedger_whenProgressIsShown_thenTrackedRemainingAndDaysLeftFollowTheCycle() {
        Forms.grant(person, "CPT", "2024-05-10");
        List<Credit> credits = List.of(
                credit("2024-05-01", "GENERAL", "50"),          // before the certification: never counts here
                credit("2025-01-10", "GENERAL", "12.5"),
                credit("2025-02-10", "COMMITTEE_SERVICE", "10"), // capped at 8 for 2025
                new Credit(java.util.UUID.randomUUID(), date("2025-03-01"), "GENERAL", Acsm.dec("9"), true));

        CertificationProgress progress = person.progress(date("2027-12-01"), credits).get(0);

        assertThat(progress.tracked().total()).isEqualByComparingTo("20.5");
        assertThat(progress.cecsRequired()).isEqualByComparingTo("45");
        assertThat(progress.cecsRemaining()).isEqualByComparingTo("24.5");
        assertThat(progress.daysLeft()).isEqualTo(30);
        assertThat(progress.eligibility().renewable()).isTrue();
        assertThat(progress.eligibility().kind()).isEqualTo(RenewalKind.RENEWAL);
        assertThat(progress.eligibility().reasons()).isEmpty();
    }

    @Test
    void givenMoreThanRequired_whenProgressIsShown_thenNothingRemains() {
        Forms.grant(person, "CET", "2024-05-10");

        CertificationProgress progress = person.progress(date("2026-01-01"),
                List.of(credit("2025-01-10", "GENERAL", "40"))).get(0);

        assertThat(progress.cecsRemaining()).isEqualByComparingTo("0");
        assertThat(progress.eligibility().renewable()).isFalse();
        assertThat(progress.daysLeft()).isEqualTo(729);
    }

    @Test
    void givenGrace_whenProgressIsShown_thenTheDeadlineIsTheGraceEndAndGraceCreditsCount() {
        Forms.grant(person, "CPT", "2024-05-10");

        CertificationProgress progress = person.progress(date("2028-06-29"),
                List.of(credit("2028-03-01", "GENERAL", "5"))).get(0);

        assertThat(progress.eligibility().status()).isEqualTo(CertificationStatus.GRACE);
        assertThat(progress.eligibility().kind()).isEqualTo(RenewalKind.LATE_RENEWAL);
        assertThat(progress.eligibility().deadline()).isEqualTo(date("2028-06-30"));
        assertThat(progress.daysLeft()).isEqualTo(1);
        assertThat(progress.tracked().total()).isEqualByComparingTo("5");
    }

    @Test
    void givenLapsed_whenProgressIsShown_thenOnlyTheLapsedWindowCountsAndTheReachIsTheDeadline() {
        Forms.grant(person, "CPT", "2024-05-10");

        CertificationProgress progress = person.progress(date("2029-01-01"),
                List.of(credit("2027-03-01", "GENERAL", "5"), credit("2028-03-01", "GENERAL", "7"))).get(0);

        assertThat(progress.eligibility().status()).isEqualTo(CertificationStatus.LAPSED);
        assertThat(progress.eligibility().kind()).isEqualTo(RenewalKind.REINSTATEMENT);
        assertThat(progress.eligibility().deadline()).isEqualTo(date("2030-12-31"));
        assertThat(progress.tracked().total()).isEqualByComparingTo("5");
    }

    @Test
    void givenExpired_whenProgressIsShown_thenNoDaysAreLeftAndTheReasonSaysANewExam() {
        Forms.grant(person, "CPT", "2024-05-10");

        CertificationProgress progress = person.progress(date("2031-01-01"), List.of()).get(0);

        assertThat(progress.eligibility().status()).isEqualTo(CertificationStatus.EXPIRED);
        assertThat(progress.daysLeft()).isZero();
        assertThat(progress.eligibility().reasons()).singleElement().asString()
                .contains("only a new certification exam restores it");
    }
}
