package org.cecplatform.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Properties of the credit rules over many generated claims (jqwik). */
class CreditRulesPropertiesTest {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    private final CreditRules rules = new CreditRules(LedgerPolicy.acsm());

    private static CreditClaim claim(BigDecimal amount, Unit unit, String completedOn) {
        boolean college = unit == Unit.COLLEGE_CREDIT_HOUR;
        return new CreditClaim("t", "p", "ACCREDITED_COLLEGE", college ? "COLLEGE_COURSE" : "GENERAL", completedOn,
                amount, unit.name(), true, college ? "B" : null);
    }

    @Property
    void givenAnyPositiveAmountThenTheClaimIsAcceptedExactlyWhenItsCecsAreAtMostOneHundred(
            @ForAll @BigRange(min = "0.001", max = "200") @Scale(3) BigDecimal amount, @ForAll Unit unit) {
        CreditRules.Checked checked = rules.check(claim(amount, unit, "2027-01-01"), TODAY);
        BigDecimal factor = unit == Unit.CEU || unit == Unit.COLLEGE_CREDIT_HOUR ? BigDecimal.TEN : BigDecimal.ONE;
        BigDecimal expected = amount.multiply(factor);

        assertThat(checked.accepted()).isEqualTo(expected.compareTo(BigDecimal.valueOf(100)) <= 0);
        if (checked.accepted()) {
            assertThat(checked.details().cecs()).isEqualByComparingTo(expected);
            assertThat(checked.details().cecs().signum()).isPositive();
        } else {
            assertThat(checked.violations()).extracting(RuleViolation::field).containsExactly("amount");
        }
    }

    @Property
    void givenAnyCompletionDateThenOnlyDatesAfterTodayAreRefused(@ForAll @IntRange(min = -4000, max = 4000) int days) {
        LocalDate completedOn = TODAY.plusDays(days);
        CreditRules.Checked checked = rules.check(claim(BigDecimal.ONE, Unit.CEC, completedOn.toString()), TODAY);
        assertThat(checked.accepted()).isEqualTo(!completedOn.isAfter(TODAY));
    }

    @Property
    void givenAnyKnownGradeThenACollegeCourseCountsExactlyWhenTheGradeIsCOrBetter(@ForAll("grades") String grade) {
        CreditClaim course = new CreditClaim("t", "p", "ACCREDITED_COLLEGE", "COLLEGE_COURSE", "2027-01-01",
                BigDecimal.ONE, "COLLEGE_CREDIT_HOUR", true, grade);
        int rank = Grade.KNOWN.indexOf(grade);
        boolean passing = rank <= Grade.KNOWN.indexOf("C") || grade.equals("P");
        assertThat(rules.check(course, TODAY).accepted()).isEqualTo(passing);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> grades() {
        return net.jqwik.api.Arbitraries.of(Grade.KNOWN);
    }
}
