package org.cecplatform.policy.dated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InForceTest {

    private final InForce<String> fees = new InForce<>(Map.of(LocalDate.of(2020, 1, 1), "60 USD",
            LocalDate.of(2027, 1, 1), "75 USD"));

    @Test
    void givenTwoVersions_thenEachIsInForceFromItsFirstDayUntilTheNextOnesIncludingTheBoundaryDays() {
        assertThat(fees.on(LocalDate.of(2020, 1, 1))).isEqualTo("60 USD");
        assertThat(fees.on(LocalDate.of(2026, 12, 31))).isEqualTo("60 USD");
        assertThat(fees.on(LocalDate.of(2027, 1, 1))).isEqualTo("75 USD");
        assertThat(fees.on(LocalDate.of(2040, 6, 1))).isEqualTo("75 USD");
    }

    @Test
    void givenADayBeforeTheFirstVersion_thenNothingIsInForce() {
        assertThatThrownBy(() -> fees.on(LocalDate.of(2019, 12, 31))).hasMessageContaining("nothing is in force");
    }

    @Test
    void givenAValueThatMustNotVary_thenItIsReadOnceAndADifferenceIsRefused() {
        String currency = fees.same(fee -> fee.substring(fee.indexOf(' ') + 1), "currency");
        assertThat(currency).isEqualTo("USD");
        assertThatThrownBy(() -> fees.same(fee -> fee.substring(0, 2), "amount"))
                .hasMessageContaining("every version has the same amount");
        assertThat(InForce.always("x").on(LocalDate.of(1900, 1, 1))).isEqualTo("x");
    }
}
