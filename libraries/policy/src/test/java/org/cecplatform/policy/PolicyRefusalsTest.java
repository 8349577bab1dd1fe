package org.cecplatform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cecplatform.policy.PolicyTexts.shippedPlus;
import static org.cecplatform.policy.PolicyTexts.shippedWith;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A policy that contradicts itself is refused, with a message naming each problem. */
class PolicyRefusalsTest {

    private static final String CPT = "{ code: CPT,   name: Certified Personal Trainer,                    cecsRequired: 45, fee: 60 }";

    static AbstractThrowableAssert<?, ? extends Throwable> refusing(String text) {
        return assertThatThrownBy(() -> PolicyTexts.parse(text))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("The policy under test is refused");
    }

    @Nested
    class TheCredentialTable {

        @Test
        void theTieOrderMustNameEachCredentialOnce_aCodeTwiceIsRefused() {
            refusing(shippedWith("{ code: GEI,   name: Certified Group Exercise Instructor,",
                    "{ code: CPT,   name: Certified Group Exercise Instructor,"))
                    .hasMessageContaining("versions[0] (effective from 1970-01-01).credentials: CPT appears more than "
                            + "once; the list is the tie order and names each credential exactly once");
        }

        @ParameterizedTest(name = "cecsRequired {0}")
        @CsvSource({"0", "-15"})
        void cecsRequiredMustBeMoreThanZero(String cecs) {
            refusing(shippedWith(CPT, CPT.replace("cecsRequired: 45", "cecsRequired: " + cecs)))
                    .hasMessageContaining("credentials[2] (CPT).cecsRequired must be more than 0, not " + cecs);
        }

        @Test
        void aFeeMustNotBeNegative_zeroIsAFreeRenewal() {
            refusing(shippedWith(CPT, CPT.replace("fee: 60", "fee: -1")))
                    .hasMessageContaining("credentials[2] (CPT).fee must not be negative, not -1");
            assertThat(PolicyTexts.parse(shippedWith(CPT, CPT.replace("fee: 60", "fee: 0")))
                    .latest().credential("CPT").orElseThrow().fee()).isZero();
        }

        @Test
        void theOtherFeesMustNotBeNegative() {
            refusing(shippedWith("late: 80", "late: -80"))
                    .hasMessageContaining("versions[0] (effective from 1970-01-01).fees.late must not be negative");
            refusing(shippedWith("reinstatement: 165", "reinstatement: -1"))
                    .hasMessageContaining(".fees.reinstatement must not be negative");
            refusing(shippedWith("additionalCredential: 5", "additionalCredential: -5"))
                    .hasMessageContaining(".fees.additionalCredential must not be negative");
        }

        @Test
        void aCodeIsUpperCase_asMembersAndStaffTypeIt() {
            refusing(shippedWith("{ code: CPT, ", "{ code: cpt, "))
                    .hasMessageContaining("credentials[2] (cpt): a credential code is upper-case letters");
        }

        @Test
        void aCredentialNeedsANameAndTheTableACredential() {
            refusing(shippedWith("name: Certified Personal Trainer,", ""))
                    .hasMessageContaining("credentials[2] (CPT).name is missing");
            refusing(shippedPlus("""
                      - effectiveFrom: 2028-01-01
                        credentials: []
                    """)).hasMessageContaining("versions[1] (effective from 2028-01-01).credentials: at least one "
                    + "credential is required");
        }
    }

    @Nested
    class Caps {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "committeeServicePerYear: 8,   committeeServicePerYear: 0,   countingCaps.committeeServicePerYear",
                "committeeServicePerCycle: 24, committeeServicePerCycle: -1, countingCaps.committeeServicePerCycle",
                "cprAedFirstAidPerYear: 5,     cprAedFirstAidPerYear: 0,     countingCaps.cprAedFirstAidPerYear",
                "committeeService: 24,         committeeService: 0,          attestedCaps.committeeService",
                "cprAedFirstAid: 15,           cprAedFirstAid: 0,            attestedCaps.cprAedFirstAid"})
        void everyCapMustBeMoreThanZero(String from, String to, String field) {
            refusing(shippedWith(from, to)).hasMessageContaining(field + " must be more than 0");
        }
    }

    @Nested
    class Sampling {

        @Test
        void aPerLevelRateOnlyForACredentialOfTheVersion() {
            refusing(shippedWith("rates: {}", "rates: { XYZ: 0.5 }"))
                    .hasMessageContaining("sampling.rates.XYZ: XYZ is not a credential of this version, so not an "
                            + "audit level");
        }

        @Test
        void aRateTakenOverFromTheVersionBefore_mustStillNameACredentialOfTheLaterVersion() {
            refusing(shippedPlus("""
                      - effectiveFrom: 2028-01-01
                        credentials:
                          - { code: CPT, name: Certified Personal Trainer, cecsRequired: 45, fee: 60 }
                    """).replace("rates: {}", "rates: { CET: 0.5 }"))
                    .hasMessageContaining("versions[1] (effective from 2028-01-01).sampling.rates.CET: CET is not a "
                            + "credential of this version");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "defaultRate: 0.10, defaultRate: 1.5,     sampling.defaultRate is 1.5;",
                "defaultRate: 0.10, defaultRate: -0.1,    sampling.defaultRate is -0.1;",
                "rates: {},         rates: { CPT: 1.01 }, sampling.rates.CPT is 1.01;"})
        void ratesAreFractionsFromZeroToOne(String from, String to, String message) {
            refusing(shippedWith(from, to)).hasMessageContaining(message + " a sampling rate is a fraction from 0 to 1");
        }

        @Test
        void zeroAndOneAreRates() {
            PolicyHistory policy = PolicyTexts.parse(shippedWith("rates: {}", "rates: { CPT: 1, CET: 0 }"));

            assertThat(policy.latest().sampling().rateFor("CPT")).isEqualByComparingTo("1");
            assertThat(policy.latest().sampling().rateFor("CET")).isEqualByComparingTo("0");
        }
    }

    @Nested
    class CalendarAndWindows {

        @ParameterizedTest(name = "graceEnds {0}")
        @CsvSource({"02-30", "13-01", "6/30", "June 30"})
        void theGraceEndMustBeAValidMonthDay(String graceEnds) {
            refusing(shippedWith("graceEnds: \"06-30\"", "graceEnds: \"" + graceEnds + "\""))
                    .hasMessageContaining("calendar.graceEnds '" + graceEnds + "' is not a valid month-day (MM-DD");
        }

        @Test
        void aCycleIsAtLeastOneYear_reinstatementReachNotNegative() {
            refusing(shippedWith("cycleYears: 3", "cycleYears: 0"))
                    .hasMessageContaining("calendar.cycleYears must be at least 1, not 0");
            refusing(shippedWith("reinstatementYears: 3", "reinstatementYears: -1"))
                    .hasMessageContaining("calendar.reinstatementYears must be at least 0, not -1");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "proofWindowDays: 30,        proofWindowDays: 0,        audit.proofWindowDays must be at least 1",
                "maxExtensionDays: 30,       maxExtensionDays: -30,     audit.maxExtensionDays must be at least 1",
                "remediationWindowDays: 90,  remediationWindowDays: 0,  audit.remediationWindowDays must be at least 1",
                "cureWindow: P1Y,            cureWindow: P0D,           audit.cureWindow must be at least one day",
                "auditableFor: P1Y,          auditableFor: P1Y-400D,    audit.auditableFor must be at least one day"})
        void everyWindowIsAtLeastOneDay(String from, String to, String message) {
            refusing(shippedWith(from, to)).hasMessageContaining(message);
        }
    }

    @Nested
    class Versions {

        @ParameterizedTest(name = "after 2028-01-01: {0}")
        @CsvSource({"2028-01-01", "2027-06-30"})
        void versionsAreInStrictlyIncreasingEffectiveFrom(String second) {
            refusing(shippedPlus("""
                      - effectiveFrom: 2028-01-01
                        fees: { late: 90, reinstatement: 165, additionalCredential: 5 }
                      - effectiveFrom: %s
                        fees: { late: 95, reinstatement: 165, additionalCredential: 5 }
                    """.formatted(second)))
                    .hasMessageContaining("versions[2] (effective from " + second + ") must take effect after "
                            + "versions[1] (effective from 2028-01-01): versions are listed in strictly increasing "
                            + "effectiveFrom");
        }

        @Test
        void theFirstVersionMustCoverEveryDateTheServicesMayJudge() {
            refusing(shippedWith("effectiveFrom: 1970-01-01", "effectiveFrom: 2024-01-01"))
                    .hasMessageContaining("versions[0] (effective from 2024-01-01): the first version must be effective "
                            + "from 1970-01-01 or earlier, so that it covers every date the services may judge");
        }

        @Test
        void aVersionNeedsItsEffectiveDate() {
            refusing(shippedPlus("""
                      - fees: { late: 90, reinstatement: 165, additionalCredential: 5 }
                    """)).hasMessageContaining("versions[1].effectiveFrom is missing");
        }

        @Test
        void theFirstVersionStatesEverySection() {
            refusing(PolicyTexts.shipped().replaceAll("(?s)    attestedCaps:\\n.*?cprAedFirstAid: 15\\n", ""))
                    .hasMessageContaining("versions[0] (effective from 1970-01-01).attestedCaps is missing (the first "
                            + "version states every section)");
        }

        @Test
        void aPolicyWithoutVersionsIsRefused() {
            refusing(PolicyTexts.shipped().replaceAll("(?s)versions:.*", "versions: []\n"))
                    .hasMessageContaining("versions: at least one version is required");
        }
    }

    @Nested
    class Ledger {

        @ParameterizedTest(name = "CEU {0}")
        @CsvSource({"0", "-10"})
        void conversionFactorsMustBeMoreThanZero(String factor) {
            refusing(shippedWith("CEU: 10", "CEU: " + factor))
                    .hasMessageContaining("ledger.cecsPerUnit.CEU must be more than 0 (conversion factor), not " + factor);
        }

        @Test
        void passingGradesMustNotBeEmpty() {
            refusing(shippedWith("passingGrades: [A+, A, A-, B+, B, B-, C+, C, P]", "passingGrades: []"))
                    .hasMessageContaining("ledger.passingGrades: at least one passing grade is required");
        }

        @Test
        void theLargestCreditMustBeMoreThanZero() {
            refusing(shippedWith("maxCecsPerCredit: 100", "maxCecsPerCredit: 0"))
                    .hasMessageContaining("ledger.maxCecsPerCredit must be more than 0, not 0");
        }
    }

    @Nested
    class TheFileItself {

        @Test
        void anUnknownZoneOrCurrencyIsRefused() {
            refusing(shippedWith("zone: America/New_York", "zone: Mars/Olympus_Mons"))
                    .hasMessageContaining("zone 'Mars/Olympus_Mons' is not a time zone");
            refusing(shippedWith("currency: USD", "currency: DOLLARS"))
                    .hasMessageContaining("currency 'DOLLARS' is not an ISO 4217 currency code");
        }

        @Test
        void aMisspelledField_isRefusedNamingItWhereItIsAndWhatIsKnown() {
            refusing(shippedWith("late: 80", "lateFee: 80"))
                    .hasMessageContaining("unknown field 'lateFee' at versions[0].fees.lateFee (line ")
                    .hasMessageContaining("known fields here: additionalCredential, late, reinstatement");
        }

        @Test
        void aKeyGivenTwice_isRefusedRatherThanTheLastOneWinning() {
            refusing(shippedWith("rates: {}", "rates: { CPT: 0.5, CPT: 0.05 }"))
                    .hasMessageContaining("Duplicate field 'CPT'");
        }

        @Test
        void aFractionWhereAWholeNumberBelongs_isRefusedNotTruncated() {
            refusing(shippedWith("proofWindowDays: 30", "proofWindowDays: 30.5"))
                    .hasMessageContaining("audit.proofWindowDays");
        }

        @Test
        void aMissingValueIsNamed() {
            refusing(shippedWith("currency: USD\n", ""))
                    .hasMessageContaining("currency is missing");
        }

        @Test
        void anEmptyPolicyIsRefused() {
            refusing("# nothing here\n").hasMessageContaining("the policy is empty");
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            String text = shippedWith("late: 80", "late: -80").replace("CEU: 10", "CEU: 0")
                    .replace("cycleYears: 3", "cycleYears: 0");

            assertThatThrownBy(() -> PolicyTexts.parse(text))
                    .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems()).hasSize(3))
                    .hasMessageContaining("(3 problems)");
        }
    }
}
