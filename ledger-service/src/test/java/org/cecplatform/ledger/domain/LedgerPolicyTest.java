package org.cecplatform.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerPolicyTest {

    @Test
    void givenAcsmsRulesThenTheDefaultsAreThePublishedOnes() {
        LedgerPolicy acsm = LedgerPolicy.acsm();
        assertThat(acsm.zone().getId()).isEqualTo("America/New_York");
        assertThat(acsm.maxCecsPerCredit()).isEqualByComparingTo("100");
        assertThat(acsm.cecsPerUnit().get(Unit.CEU)).isEqualByComparingTo("10");
        assertThat(acsm.cecsPerUnit().get(Unit.COLLEGE_CREDIT_HOUR)).isEqualByComparingTo("10");
        assertThat(acsm.cecsPerUnit().get(Unit.CEC)).isEqualByComparingTo("1");
        assertThat(acsm.cecsPerUnit().get(Unit.CME)).isEqualByComparingTo("1");
        assertThat(acsm.cecsPerUnit().get(Unit.CONTACT_HOUR)).isEqualByComparingTo("1");
        assertThat(acsm.passingGrades()).containsExactlyInAnyOrder("A+", "A", "A-", "B+", "B", "B-", "C+", "C", "P");
    }

    @Test
    void givenAMissingOrNonPositiveFactorThenThePolicyIsRefused() {
        LedgerPolicy acsm = LedgerPolicy.acsm();
        Map<Unit, BigDecimal> missing = new EnumMap<>(acsm.cecsPerUnit());
        missing.remove(Unit.CME);
        assertThatThrownBy(() -> new LedgerPolicy(acsm.zone(), missing, acsm.maxCecsPerCredit(), acsm.passingGrades()))
                .hasMessageContaining("CME");
        Map<Unit, BigDecimal> zero = new EnumMap<>(acsm.cecsPerUnit());
        zero.put(Unit.CEU, BigDecimal.ZERO);
        assertThatThrownBy(() -> new LedgerPolicy(acsm.zone(), zero, acsm.maxCecsPerCredit(), acsm.passingGrades()))
                .hasMessageContaining("CEU");
    }

    @Test
    void givenAnUnknownPassingGradeOrNoLargestCreditThenThePolicyIsRefused() {
        LedgerPolicy acsm = LedgerPolicy.acsm();
        assertThatThrownBy(() -> new LedgerPolicy(acsm.zone(), acsm.cecsPerUnit(), acsm.maxCecsPerCredit(),
                Set.of("A", "Z"))).hasMessageContaining("Z");
        assertThatThrownBy(() -> acsm.withMaxCecsPerCredit(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenPassingGradesInLowerCaseThenTheyAreCanonical() {
        LedgerPolicy acsm = LedgerPolicy.acsm();
        assertThat(new LedgerPolicy(acsm.zone(), acsm.cecsPerUnit(), acsm.maxCecsPerCredit(), Set.of("a", " b+"))
                .passingGrades()).containsExactlyInAnyOrder("A", "B+");
    }
}
