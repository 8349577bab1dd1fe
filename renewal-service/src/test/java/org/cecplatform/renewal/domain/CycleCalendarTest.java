package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Acsm.newYork;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CycleCalendarTest {

    private final CycleCalendar calendar = new CycleCalendar(Acsm.POLICY);

    @ParameterizedTest(name = "certified on {0} → first cycle ends {1}")
    @CsvSource({
            "2024-05-10, 2027-12-31",
            "2024-02-29, 2027-12-31",
            "2024-01-01, 2027-12-31",
            "2024-12-31, 2027-12-31",
            "2025-01-01, 2028-12-31"})
    void givenACertificationDate_whenTheFirstCycleIsFixed_thenItEndsOn31DecemberOfTheThirdYearAfter(
            String certifiedOn, String cycleEnd) {
        assertThat(calendar.cycleEndFor(date(certifiedOn))).isEqualTo(date(cycleEnd));
    }

    @Test
    void givenAGrantAt2330NewYorkOn31December_whenTodayIsTaken_thenItIs31DecemberThoughUtcSays1January() {
        Instant lateEvening = newYork("2024-12-31T23:30");
        assertThat(lateEvening).isEqualTo(Instant.parse("2025-01-01T04:30:00Z"));

        assertThat(Acsm.POLICY.dateOf(lateEvening)).isEqualTo(date("2024-12-31"));
        assertThat(calendar.cycleEndFor(Acsm.POLICY.dateOf(lateEvening))).isEqualTo(date("2027-12-31"));
    }

    @Test
    void givenCertifiedOn29February_thenEveryDeadlineFallsOnARealDate() {
        var end = calendar.cycleEndFor(date("2024-02-29"));
        assertThat(end).isEqualTo(date("2027-12-31"));
        assertThat(calendar.windowOpens(end)).isEqualTo(date("2027-01-01"));
        assertThat(calendar.graceEnds(end)).isEqualTo(date("2028-06-30"));
        assertThat(calendar.reinstatableUntil(end)).isEqualTo(date("2030-12-31"));
        assertThat(calendar.renewedCycleStart(end)).isEqualTo(date("2028-01-01"));
        assertThat(calendar.renewedCycleEnd(end)).isEqualTo(date("2030-12-31"));
    }

    @ParameterizedTest(name = "cycle ending 2027-12-31, on {0}: {1} / {2}")
    @CsvSource({
            "2024-05-10, NOT_DUE,      ACTIVE",
            "2026-12-31, NOT_DUE,      ACTIVE",
            "2027-01-01, DUE,          ACTIVE",
            "2027-12-31, DUE,          ACTIVE",
            "2028-01-01, GRACE,        GRACE",
            "2028-06-30, GRACE,        GRACE",
            "2028-07-01, LAPSED,       LAPSED",
            "2030-12-31, LAPSED,       LAPSED",
            "2031-01-01, OUT_OF_REACH, EXPIRED"})
    void givenACycleEnding2027_whenADateIsChecked_thenItsPhaseAndStatusFollowTheCalendar(
            String today, Phase phase, CertificationStatus status) {
        var end = date("2027-12-31");
        assertThat(calendar.phase(end, date(today))).isEqualTo(phase);
        assertThat(calendar.statusOn(end, date(today))).isEqualTo(status);
    }

    @Test
    void givenTheSpecExample_whenACycleEndedOn2025_thenItCanBeReinstatedUntilTheEndOf2028() {
        assertThat(calendar.reinstatableUntil(date("2025-12-31"))).isEqualTo(date("2028-12-31"));
        assertThat(calendar.phase(date("2025-12-31"), date("2028-12-31"))).isEqualTo(Phase.LAPSED);
        assertThat(calendar.phase(date("2025-12-31"), date("2029-01-01"))).isEqualTo(Phase.OUT_OF_REACH);
    }

    @Test
    void givenAReinstatementOn10May2029_thenTheNewCycleEnds31December2032() {
        assertThat(calendar.cycleEndFor(date("2029-05-10"))).isEqualTo(date("2032-12-31"));
    }

    @Test
    void givenEachPhase_thenTheDeadlineIsTheLastDayOfThatPhase() {
        var end = date("2027-12-31");
        assertThat(calendar.deadline(end, date("2025-06-01"))).isEqualTo(end);
        assertThat(calendar.deadline(end, date("2027-06-01"))).isEqualTo(end);
        assertThat(calendar.deadline(end, date("2028-02-01"))).isEqualTo(date("2028-06-30"));
        assertThat(calendar.deadline(end, date("2029-02-01"))).isEqualTo(date("2030-12-31"));
        assertThat(calendar.deadline(end, date("2031-02-01"))).isNull();
    }

    @Test
    void givenAnActiveStatusYearsBehind_whenTransitionsAreListed_thenEachStepComesWithTheDayItTookEffect() {
        var steps = calendar.transitionsSince(CertificationStatus.ACTIVE, date("2027-12-31"), date("2031-03-01"));

        assertThat(steps).containsExactly(
                new CycleCalendar.Transition(CertificationStatus.ACTIVE, CertificationStatus.GRACE, date("2028-01-01")),
                new CycleCalendar.Transition(CertificationStatus.GRACE, CertificationStatus.LAPSED, date("2028-07-01")),
                new CycleCalendar.Transition(CertificationStatus.LAPSED, CertificationStatus.EXPIRED,
                        date("2031-01-01")));
    }

    @Test
    void givenAStatusUpToDate_whenTransitionsAreListed_thenThereAreNone() {
        assertThat(calendar.transitionsSince(CertificationStatus.GRACE, date("2027-12-31"), date("2028-06-30")))
                .isEmpty();
        assertThat(calendar.transitionsSince(CertificationStatus.INACTIVE, date("2027-12-31"), date("2031-06-30")))
                .as("INACTIVE holds whatever the calendar does").isEmpty();
        assertThat(calendar.transitionsSince(CertificationStatus.REVOKED, date("2027-12-31"), date("2031-06-30")))
                .isEmpty();
    }

    @Test
    void givenEachStatus_thenTheNextCalendarChangeIsKnown() {
        var end = date("2027-12-31");
        assertThat(calendar.nextChangeOn(CertificationStatus.ACTIVE, end)).isEqualTo(date("2028-01-01"));
        assertThat(calendar.nextChangeOn(CertificationStatus.GRACE, end)).isEqualTo(date("2028-07-01"));
        assertThat(calendar.nextChangeOn(CertificationStatus.LAPSED, end)).isEqualTo(date("2031-01-01"));
        assertThat(calendar.nextChangeOn(CertificationStatus.EXPIRED, end)).isNull();
        assertThat(calendar.nextChangeOn(CertificationStatus.INACTIVE, end)).isNull();
        assertThat(calendar.nextChangeOn(CertificationStatus.REVOKED, end)).isNull();
    }
}
