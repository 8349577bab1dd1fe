package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Acsm.dec;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CecCounterTest {

    private final CecCounter counter = new CecCounter(Acsm.POLICY.cecCaps());
    private final List<Credit> credits = new ArrayList<>();

    private void credit(String completedOn, String category, String cecs) {
        credits.add(new Credit(UUID.randomUUID(), date(completedOn), category, dec(cecs), false));
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
        credits.add(new Credit(UUID.randomUUID(), date("2025-03-02"), "GENERAL", dec("7"), true));

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
}
