package org.cecplatform.policy.counting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class CecCounterTest {

    private final CecCounter counter = new CecCounter(TestCredit.ACSM_CAPS);
    private final List<TestCredit> credits = new ArrayList<>();

    private void credit(String completedOn, String category, String cecs) {
        credits.add(TestCredit.of(completedOn, category, cecs));
    }

    private CecCount count(String from, String to) {
        return counter.count(credits, date(from), date(to));
    }

    @Test
    void givenCreditsAroundAWindow_whenCounted_thenOnlyCompletionDatesInsideTheWindowCountBothEndsIncluded() {
        credit("2024-05-09", "GENERAL", "10");
        credit("2024-05-10", "GENERAL", "1.5");
        credit("2027-12-31", "GENERAL", "2");
        credit("2028-01-01", "GENERAL", "20");

        CecCount count = count("2024-05-10", "2027-12-31");

        assertThat(count.total()).isEqualByComparingTo("3.5");
    }

    @Test
    void givenAVoidedCredit_whenCounted_thenItNeverCounts() {
        credit("2025-03-01", "GENERAL", "10");
        credits.add(TestCredit.of("2025-03-02", "GENERAL", "7").voidedCopy());

        assertThat(count("2025-01-01", "2027-12-31").total()).isEqualByComparingTo("10");
        assertThat(count("2025-01-01", "2027-12-31").uncapped()).isEqualByComparingTo("10");
    }

    @Test
    void givenCommitteeServiceOver8InAYear_whenCounted_thenEachCalendarYearCountsAtMost8() {
        credit("2025-02-01", "COMMITTEE_SERVICE", "6");
        credit("2025-09-01", "COMMITTEE_SERVICE", "6");
        credit("2026-01-15", "COMMITTEE_SERVICE", "3");

        CecCount count = count("2024-05-10", "2027-12-31");

        assertThat(count.byCategory().get("COMMITTEE_SERVICE")).isEqualByComparingTo("11");
        assertThat(count.total()).isEqualByComparingTo("11");
        assertThat(count.uncapped()).isEqualByComparingTo("15");
    }

    @Test
    void givenCommitteeService8EveryYearOfAFourYearWindow_whenCounted_thenTheCycleCountsAtMost24() {
        credit("2024-06-01", "COMMITTEE_SERVICE", "8");
        credit("2025-06-01", "COMMITTEE_SERVICE", "8");
        credit("2026-06-01", "COMMITTEE_SERVICE", "8");
        credit("2027-06-01", "COMMITTEE_SERVICE", "8");

        assertThat(count("2024-01-01", "2027-12-31").total()).isEqualByComparingTo("24");
    }

    @Test
    void givenCprOver5InAYear_whenCounted_thenEachCalendarYearCountsAtMost5AndThereIsNoCycleCap() {
        credit("2025-02-01", "CPR_AED_FIRST_AID", "4");
        credit("2025-03-01", "CPR_AED_FIRST_AID", "3");
        credit("2026-03-01", "CPR_AED_FIRST_AID", "5");
        credit("2027-03-01", "CPR_AED_FIRST_AID", "5");
        credit("2024-07-01", "CPR_AED_FIRST_AID", "5");

        assertThat(count("2024-01-01", "2027-12-31").total()).isEqualByComparingTo("20");
    }

    @Test
    void givenAYearSplitByTheWindow_whenCounted_thenTheYearlyCapAppliesToThePartInsideTheWindow() {
        credit("2028-02-01", "COMMITTEE_SERVICE", "6");
        credit("2028-05-01", "COMMITTEE_SERVICE", "6");

        assertThat(count("2025-01-01", "2028-03-15").total()).as("grace-period part counts toward the old cycle")
                .isEqualByComparingTo("6");
        assertThat(count("2028-01-01", "2028-12-31").total()).isEqualByComparingTo("8");
    }

    @Test
    void givenEveryCategory_whenCounted_thenUncappedCategoriesCountInFullAndUnknownOnesToo() {
        credit("2025-01-10", "GENERAL", "10");
        credit("2025-01-11", "COLLEGE_COURSE", "30");
        credit("2025-01-12", "PUBLICATION", "5");
        credit("2025-01-13", "PRESENTATION", "2.5");
        credit("2025-01-14", "SOMETHING_NEW", "1");
        credit("2025-01-15", "CPR_AED_FIRST_AID", "9");

        CecCount count = count("2025-01-01", "2025-12-31");

        assertThat(count.total()).isEqualByComparingTo("53.5");
        assertThat(count.byCategory()).containsEntry("CPR_AED_FIRST_AID", dec("5"));
        assertThat(count.uncapped()).isEqualByComparingTo("57.5");
    }

    @Test
    void givenDecimalCredits_whenCounted_thenTheSumIsExact() {
        for (int i = 0; i < 10; i++) {
            credit("2025-01-10", "GENERAL", "0.1");
        }
        assertThat(count("2025-01-01", "2025-12-31").total()).isEqualTo(dec("1.0"));
    }

    @Test
    void givenAnEmptyOrInvertedWindow_whenCounted_thenNothingCounts() {
        credit("2025-01-10", "GENERAL", "10");
        assertThat(count("2025-02-01", "2025-01-31").total()).isEqualByComparingTo("0");
        assertThat(counter.count(credits, null, date("2025-12-31")).total()).isEqualByComparingTo("0");
    }

    @Test
    void givenARenewalSplittingAYear_whenTheNewCycleIsCounted_thenWhatCountedTowardTheOldCycleThatYearUsesUpTheYearlyCap() {
        credit("2027-02-01", "COMMITTEE_SERVICE", "6"); // old cycle, counted up to the renewal on 2027-06-15
        credit("2027-03-01", "CPR_AED_FIRST_AID", "4");
        credit("2027-09-01", "COMMITTEE_SERVICE", "6"); // new cycle, counted from 2027-06-16
        credit("2027-10-01", "CPR_AED_FIRST_AID", "4");

        CecCount oldCycle = count("2024-05-10", "2027-06-15");
        CecCount newCycle = count("2027-06-16", "2030-12-31");

        assertThat(oldCycle.byCategory()).containsEntry("COMMITTEE_SERVICE", dec("6"))
                .containsEntry("CPR_AED_FIRST_AID", dec("4"));
        assertThat(newCycle.byCategory()).as("8 - 6 and 5 - 4 are left of 2027's caps")
                .containsEntry("COMMITTEE_SERVICE", dec("2")).containsEntry("CPR_AED_FIRST_AID", dec("1"));
    }

    @Test
    void givenCappedCreditsInAYear_whenCounted_thenTheyAreTakenInOrderOfCompletionDateWhateverTheirOrderOfArrival() {
        credit("2027-09-01", "COMMITTEE_SERVICE", "6"); // arrives first, completed later
        credit("2027-02-01", "COMMITTEE_SERVICE", "6");

        assertThat(count("2027-01-01", "2027-06-30").total()).as("the earlier credit takes the cap first")
                .isEqualByComparingTo("6");
        assertThat(count("2027-07-01", "2027-12-31").total()).isEqualByComparingTo("2");
    }

    @Test
    void givenACreditCountedTowardAnotherCycle_whenCounted_thenItUsesUpItsYearsCapButIsNotCountedAgain() {
        credits.add(TestCredit.of("2027-08-01", "COMMITTEE_SERVICE", "5").countedElsewhereCopy());
        credit("2027-09-01", "COMMITTEE_SERVICE", "6");
        credit("2027-09-02", "GENERAL", "10");

        CecCount count = count("2027-06-16", "2030-12-31");

        assertThat(count.byCategory()).containsEntry("COMMITTEE_SERVICE", dec("3")).containsEntry("GENERAL", dec("10"));
        assertThat(count.uncapped()).isEqualByComparingTo("16");
    }

    @Test
    void givenAVoidedCappedCredit_whenCounted_thenItUsesUpNoCap() {
        credits.add(TestCredit.of("2027-02-01", "CPR_AED_FIRST_AID", "5").voidedCopy());
        credit("2027-03-01", "CPR_AED_FIRST_AID", "5");

        assertThat(count("2027-01-01", "2027-12-31").total()).isEqualByComparingTo("5");
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static LocalDate date(String value) {
        return LocalDate.parse(value);
    }
}
