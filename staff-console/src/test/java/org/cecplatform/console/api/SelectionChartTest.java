package org.cecplatform.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.cecplatform.console.application.SamplingApi;
import org.cecplatform.console.application.SamplingYear;
import org.junit.jupiter.api.Test;

/** The Sampling page's ±1 verdict and the chart's geometry, from the figures the audit-service reports. */
class SelectionChartTest {

    private static final SamplingApi.Outcomes NONE = new SamplingApi.Outcomes(0, 0, 0, 0, 0, 0);

    @Test
    void aWholeCountWithinOneOfTheTargetLiesBetweenItRoundedDownAndUp() {
        SamplingYear.LevelFigures fraction = level("GEI", 3, 0, "0.10");
        assertThat(fraction.targetText()).isEqualTo("0.3");
        assertThat(fraction.ratePercent()).isEqualTo("10 %");
        assertThat(List.of(fraction.lowestAllowed(), fraction.highestAllowed())).containsExactly(0L, 1L);
        assertThat(fraction.withinOne()).isTrue();
        assertThat(level("GEI", 3, 1, "0.10").withinOne()).isTrue();
        assertThat(level("GEI", 3, 2, "0.10").withinOne()).as("1.7 away").isFalse();

        SamplingYear.LevelFigures whole = level("CPT", 4, 4, "1");
        assertThat(List.of(whole.lowestAllowed(), whole.highestAllowed())).containsExactly(4L, 4L);
        assertThat(whole.withinOne()).isTrue();
        assertThat(level("CPT", 4, 3, "1").withinOne()).as("exactly one away is outside").isFalse();
        assertThat(level("EP", 7, 2, "0.333").ratePercent()).isEqualTo("33.3 %");
        assertThat(level("EP", 7, 2, "0.333").targetText()).isEqualTo("2.33");
    }

    @Test
    void barsAreScaledToTheLargestOfSelectedAndTargetPlusOne() {
        SelectionChart chart = SelectionChart.of(List.of(level("CPT", 4, 4, "1"), level("GEI", 3, 0, "0.10")));

        // the largest value is the CPT target's bound, 5: the axis goes to 6 in steps of 2
        assertThat(chart.ticks()).extracting(SelectionChart.Tick::value).containsExactly(0L, 2L, 4L, 6L);
        SelectionChart.Group cpt = chart.groups().get(0);
        assertThat(cpt.selected().height()).isEqualTo(String.format(Locale.ROOT, "%.1f", 200 * 4 / 6.0));
        assertThat(cpt.target().height()).isEqualTo(cpt.selected().height());
        assertThat(cpt.selected().y()).isEqualTo(cpt.target().y()).isEqualTo(String.format(Locale.ROOT, "%.1f",
                20 + 200 - 200 * 4 / 6.0));
        assertThat(Double.parseDouble(cpt.boundTop())).isLessThan(Double.parseDouble(cpt.target().y()));
        assertThat(Double.parseDouble(cpt.boundBottom())).isGreaterThan(Double.parseDouble(cpt.target().y()));

        SelectionChart.Group gei = chart.groups().get(1);
        assertThat(gei.selected().height()).isEqualTo("0.0");
        assertThat(gei.boundBottom()).as("the bound stops at zero").isEqualTo(chart.baseline());
        assertThat(gei.within()).isTrue();
        assertThat(Double.parseDouble(gei.target().x())).isGreaterThan(Double.parseDouble(cpt.selected().x()));
        assertThat(chart.description()).contains("CPT 4 selected, target 4 (within ±1)", "GEI 0 selected, target 0.3");
    }

    @Test
    void aLevelOutsideTheBoundIsMarkedInTheChartsText() {
        SelectionChart chart = SelectionChart.of(List.of(level("CET", 10, 3, "0.10")));
        assertThat(chart.groups().get(0).within()).isFalse();
        assertThat(chart.description()).contains("CET 3 selected, target 1 (outside ±1)");
    }

    private static SamplingYear.LevelFigures level(String credential, long renewals, long selected, String rate) {
        BigDecimal r = new BigDecimal(rate);
        return new SamplingYear.LevelFigures(credential, renewals, selected, r, r.multiply(BigDecimal.valueOf(renewals)),
                0, new SamplingApi.LevelOutcomes(credential, NONE, NONE, NONE));
    }
}
