package org.cecplatform.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.cecplatform.ledger.domain.CreditClaim;
import org.cecplatform.ledger.domain.CreditRules;
import org.cecplatform.ledger.domain.IntakeRules;
import org.cecplatform.ledger.domain.LedgerPolicy;
import org.cecplatform.ledger.domain.LedgerPolicyHistory;
import org.cecplatform.platform.api.CertificantIds;
import org.cecplatform.policy.PolicyFile;
import org.cecplatform.policy.PolicyHistory;
import org.junit.jupiter.api.Test;

/** The ledger's rules come from the policy file; a credit is checked by the version in force on the day it is recorded. */
class LedgerPolicyFromFileTest {

    /** From 2028: a CEU is worth 12 CECs, one credit at most 50, and only A–B grades pass. */
    static final String CHANGES_IN_2028 = """
              - effectiveFrom: 2028-01-01
                ledger:
                  cecsPerUnit: { CEC: 1, CME: 1, CONTACT_HOUR: 1, CEU: 12, COLLEGE_CREDIT_HOUR: 10 }
                  maxCecsPerCredit: 50
                  passingGrades: [A+, A, A-, B+, B, B-]
            """;

    static String shipped() throws IOException {
        return new String(PolicyFile.class.getClassLoader().getResourceAsStream(PolicyFile.SHIPPED_RESOURCE)
                .readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theShippedPolicy_isAcsmsLedgerPolicyOnEveryDay() {
        LedgerPolicyHistory shipped = PolicyProducer.policiesOf(PolicyFile.shipped());

        assertThat(shipped.on(LocalDate.of(1970, 1, 1))).isEqualTo(LedgerPolicy.acsm());
        assertThat(shipped.on(LocalDate.of(2031, 1, 1))).isEqualTo(LedgerPolicy.acsm());
        assertThat(shipped.zone()).isEqualTo(LedgerPolicy.acsm().zone());
    }

    @Test
    void aCreditIsConvertedCappedAndGradedByTheVersionInForceOnTheDayItIsRecorded() throws IOException {
        CreditRules rules = new CreditRules(PolicyProducer.policiesOf(
                PolicyFile.parse(shipped() + CHANGES_IN_2028, "under test")));
        LocalDate dayBefore = LocalDate.of(2027, 12, 31);
        LocalDate effective = LocalDate.of(2028, 1, 1);

        assertThat(rules.check(ceus("4"), dayBefore).details().cecs()).isEqualByComparingTo("40");
        assertThat(rules.check(ceus("4"), effective).details().cecs()).isEqualByComparingTo("48");
        assertThat(rules.check(ceus("6"), dayBefore).accepted()).isTrue();
        assertThat(rules.check(ceus("6"), effective).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("one credit is at most 50 CECs"));
        assertThat(rules.check(college("C"), dayBefore).accepted()).isTrue();
        assertThat(rules.check(college("C"), effective).violations()).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("grade"));
    }

    @Test
    void anIntakeCreditIsCappedByTheVersionOfItsDay() throws IOException {
        IntakeRules rules = new IntakeRules(PolicyProducer.policiesOf(
                PolicyFile.parse(shipped() + CHANGES_IN_2028, "under test")), CertificantIds::isValid,
                CertificantIds.RULE);

        assertThat(rules.courseCompletion("c-1", "M-1", "CO-1", "Course", new BigDecimal("60"), "2027-12-01",
                LocalDate.of(2027, 12, 31)).details().cecs()).isEqualByComparingTo("60");
        assertThatThrownBy(() -> rules.courseCompletion("c-1", "M-1", "CO-1", "Course", new BigDecimal("60"),
                "2027-12-01", LocalDate.of(2028, 1, 1))).hasMessageContaining("cecs must be at most 50");
    }

    @Test
    void aUnitTheLedgerDoesNotKnow_orAUnitWithoutAFactor_stopsTheService() throws IOException {
        PolicyHistory unknownUnit = PolicyFile.parse(shipped().replace("CEU: 10", "CEU: 10, SEMESTER: 30"), "t");
        PolicyHistory missingUnit = PolicyFile.parse(shipped().replace("CEU: 10, ", ""), "t");
        PolicyHistory unknownGrade = PolicyFile.parse(shipped().replace("C+, C, P]", "C+, C, P, Q]"), "t");

        assertThatThrownBy(() -> PolicyProducer.policiesOf(unknownUnit))
                .hasMessageContaining("policy version effective from 1970-01-01")
                .hasMessageContaining("ledger.cecsPerUnit: unknown unit SEMESTER");
        assertThatThrownBy(() -> PolicyProducer.policiesOf(missingUnit)).hasMessageContaining("CEU");
        assertThatThrownBy(() -> PolicyProducer.policiesOf(unknownGrade)).hasMessageContaining("unknown passing grade Q");
    }

    private static CreditClaim ceus(String amount) {
        return new CreditClaim("Workshop", "NSCA", "MAJOR_FITNESS_ORGANIZATION", "GENERAL", "2027-11-01",
                new BigDecimal(amount), "CEU", true, null);
    }

    private static CreditClaim college(String grade) {
        return new CreditClaim("Exercise physiology", "State University", "ACCREDITED_COLLEGE", "COLLEGE_COURSE",
                "2027-11-01", new BigDecimal("3"), "COLLEGE_CREDIT_HOUR", true, grade);
    }
}
