package org.cecplatform.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CreditConversionTest {

    private final CreditConversion conversion = new CreditConversion(LedgerPolicy.acsm());

    @ParameterizedTest(name = "given {0} {1}, then {2} CECs")
    @CsvSource({
            "1, CEC, 1",
            "2.5, CEC, 2.5",
            "3, CME, 3",
            "1.5, CONTACT_HOUR, 1.5",
            "0.5, CEU, 5",
            "0.1, CEU, 1",
            "0.15, CEU, 1.5",
            "1.2, CEU, 12",
            "3, COLLEGE_CREDIT_HOUR, 30",
            "0.5, COLLEGE_CREDIT_HOUR, 5",
            "10, CEU, 100"
    })
    void givenAnAmountAndUnitWhenConvertedThenTheCecsAreExact(String amount, Unit unit, String cecs) {
        assertThat(conversion.toCecs(new BigDecimal(amount), unit)).isEqualByComparingTo(new BigDecimal(cecs));
    }

    @Test
    void givenAFractionThatFloatingPointCannotHoldWhenConvertedThenNothingIsLost() {
        // 0.1 + 0.2 in doubles is 0.30000000000000004; as decimals it is 3 CECs exactly.
        BigDecimal sum = conversion.toCecs(new BigDecimal("0.1"), Unit.CEU)
                .add(conversion.toCecs(new BigDecimal("0.2"), Unit.CEU));
        assertThat(sum).isEqualByComparingTo("3");
        assertThat(conversion.toCecs(new BigDecimal("0.333"), Unit.CEU)).isEqualTo(new BigDecimal("3.330"));
    }

    @Test
    void givenManyRandomAmountsWhenConvertedThenEachIsTheAmountTimesTheUnitsFactorExactly() {
        Random random = new Random(20_260_101L);
        for (int i = 0; i < 2_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(1, 100_000), random.nextInt(0, 4));
            for (Unit unit : Unit.values()) {
                BigDecimal factor = unit == Unit.CEU || unit == Unit.COLLEGE_CREDIT_HOUR ? BigDecimal.TEN : BigDecimal.ONE;
                BigDecimal cecs = conversion.toCecs(amount, unit);
                assertThat(cecs).isEqualByComparingTo(amount.multiply(factor));
                // Converting back gives the amount exactly: no rounding ever happened.
                assertThat(cecs.divide(factor)).isEqualByComparingTo(amount);
            }
        }
    }

    @Test
    void givenAnotherBodysPolicyWhenConvertedThenItsFactorsApply() {
        LedgerPolicy acsm = LedgerPolicy.acsm();
        java.util.Map<Unit, BigDecimal> factors = new java.util.EnumMap<>(acsm.cecsPerUnit());
        factors.put(Unit.CONTACT_HOUR, new BigDecimal("0.5"));
        CreditConversion other = new CreditConversion(new LedgerPolicy(acsm.zone(), factors,
                acsm.maxCecsPerCredit(), acsm.passingGrades()));
        assertThat(other.toCecs(new BigDecimal("3"), Unit.CONTACT_HOUR)).isEqualByComparingTo("1.5");
    }

    @ParameterizedTest(name = "given {0} CECs, then shown as {1}")
    @CsvSource({"5, 5.0", "5.00, 5.0", "0.25, 0.3", "3.33, 3.3", "100, 100.0"})
    void givenExactCecsWhenShownThenOneDecimalPlace(String exact, String shown) {
        assertThat(CreditConversion.shown(new BigDecimal(exact))).isEqualTo(new BigDecimal(shown));
    }
}
