package org.cecplatform.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditRulesTest {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    private final CreditRules rules = new CreditRules(LedgerPolicy.acsm());

    static CreditClaim valid() {
        return new CreditClaim("Strength training for older adults", "NSCA", "MAJOR_FITNESS_ORGANIZATION", "GENERAL",
                "2027-02-10", new BigDecimal("0.5"), "CEU", true, null);
    }

    static CreditClaim college(String grade) {
        return new CreditClaim("Exercise physiology II", "State University", "ACCREDITED_COLLEGE", "COLLEGE_COURSE",
                "2026-12-15", new BigDecimal("3"), "COLLEGE_CREDIT_HOUR", true, grade);
    }

    private CreditRules.Checked check(CreditClaim claim) {
        return rules.check(claim, TODAY);
    }

    private static List<String> fields(CreditRules.Checked checked) {
        return checked.violations().stream().map(RuleViolation::field).toList();
    }

    @Nested
    class AcceptedClaims {

        @Test
        void givenAValidSelfReportedCeuCreditWhenCheckedThenItIsAcceptedAndConverted() {
            CreditRules.Checked checked = check(valid());

            assertThat(checked.accepted()).isTrue();
            CreditDetails details = checked.details();
            assertThat(details.cecs()).isEqualByComparingTo("5");
            assertThat(details.unit()).isEqualTo(Unit.CEU);
            assertThat(details.amount()).isEqualByComparingTo("0.5");
            assertThat(details.category()).isEqualTo(Category.GENERAL);
            assertThat(details.providerKind()).isEqualTo(ProviderKind.MAJOR_FITNESS_ORGANIZATION);
            assertThat(details.completedOn()).isEqualTo(LocalDate.of(2027, 2, 10));
            assertThat(details.grade()).isNull();
        }

        @Test
        void givenACompletionDateOfTodayWhenCheckedThenItIsAccepted() {
            CreditClaim claim = new CreditClaim("t", "p", "SPONSORING_ORGANIZATION", "GENERAL", TODAY.toString(),
                    BigDecimal.ONE, "CEC", true, null);
            assertThat(check(claim).accepted()).isTrue();
        }

        @Test
        void givenExactlyTheLargestCreditWhenCheckedThenItIsAccepted() {
            CreditClaim claim = new CreditClaim("t", "p", "SPONSORING_ORGANIZATION", "GENERAL", "2027-01-01",
                    new BigDecimal("10"), "CEU", true, null);
            assertThat(check(claim).details().cecs()).isEqualByComparingTo("100");
        }

        @Test
        void givenANulCharacterInTitleOrProviderWhenCheckedThenItIsRefusedNamingTheField() {
            // PostgreSQL cannot store NUL in text; found by the hostile-input corpus (it was a 500 at the insert).
            CreditClaim claim = new CreditClaim("Yoga\u0000", "A\u0000CE", "MAJOR_FITNESS_ORGANIZATION", "GENERAL",
                    "2027-01-01", BigDecimal.ONE, "CONTACT_HOUR", true, null);
            assertThat(check(claim).accepted()).isFalse();
            assertThat(check(claim).violations()).extracting(RuleViolation::field).containsExactlyInAnyOrder("title", "provider");
        }

        @Test
        void givenTitleAndProviderWithSurroundingSpacesWhenCheckedThenTheyAreTrimmed() {
            CreditClaim claim = new CreditClaim("  Yoga  ", " ACE ", "MAJOR_FITNESS_ORGANIZATION", "GENERAL",
                    "2027-01-01", BigDecimal.ONE, "CONTACT_HOUR", true, null);
            assertThat(check(claim).details().title()).isEqualTo("Yoga");
            assertThat(check(claim).details().provider()).isEqualTo("ACE");
        }

        @ParameterizedTest(name = "given grade {0}, then the college course counts")
        @ValueSource(strings = {"A+", "A", "A-", "B+", "B", "B-", "C+", "C", "P", "c+", " b "})
        void givenAPassingGradeWhenCheckedThenTheCollegeCourseIsAccepted(String grade) {
            CreditRules.Checked checked = check(college(grade));
            assertThat(checked.accepted()).as(checked.violations().toString()).isTrue();
            assertThat(checked.details().cecs()).isEqualByComparingTo("30");
            assertThat(checked.details().grade()).isEqualTo(grade.strip().toUpperCase());
        }

        @ParameterizedTest(name = "given unit {0}, then {1} CECs")
        @CsvSource({"CEC, 2", "CME, 2", "CONTACT_HOUR, 2", "CEU, 20"})
        void givenEveryNonCollegeUnitWhenCheckedThenItIsAccepted(String unit, String cecs) {
            CreditClaim claim = new CreditClaim("t", "p", "ACSM_APPROVED_PROVIDER", "PRESENTATION", "2027-01-01",
                    new BigDecimal("2"), unit, true, null);
            assertThat(check(claim).details().cecs()).isEqualByComparingTo(cecs);
        }
    }

    @Nested
    class RefusedClaims {

        @Test
        void givenAnEmptyClaimWhenCheckedThenEveryRequiredFieldIsListedAtOnce() {
            CreditRules.Checked checked = check(new CreditClaim(null, null, null, null, null, null, null, null, null));

            assertThat(checked.accepted()).isFalse();
            assertThat(checked.details()).isNull();
            assertThat(fields(checked)).containsExactlyInAnyOrder("title", "provider", "providerKind", "category",
                    "unit", "completedOn", "inScope", "amount");
        }

        @Test
        void givenSeveralWrongFieldsWhenCheckedThenEachIsNamed() {
            CreditClaim claim = new CreditClaim(" ", "NSCA", "FRIEND", "YOGA", "2027-13-01", new BigDecimal("-1"),
                    "HOURS", false, null);
            CreditRules.Checked checked = check(claim);
            assertThat(fields(checked)).containsExactlyInAnyOrder("title", "providerKind", "category", "unit",
                    "completedOn", "inScope", "amount");
        }

        @Test
        void givenAnUnknownUnitWhenCheckedThenTheKnownUnitsAreNamed() {
            CreditClaim claim = new CreditClaim("t", "p", "SPONSORING_ORGANIZATION", "GENERAL", "2027-01-01",
                    BigDecimal.ONE, "HOUR", true, null);
            assertThat(check(claim).violations()).containsExactly(new RuleViolation("unit",
                    "must be one of [CEC, CME, CONTACT_HOUR, CEU, COLLEGE_CREDIT_HOUR]"));
        }

        @Test
        void givenALowerCaseCategoryWhenCheckedThenItIsRefused() {
            CreditClaim claim = new CreditClaim("t", "p", "SPONSORING_ORGANIZATION", "general", "2027-01-01",
                    BigDecimal.ONE, "CEC", true, null);
            assertThat(fields(check(claim))).containsExactly("category");
        }

        @Test
        void givenACompletionDateTomorrowWhenCheckedThenItIsInTheFuture() {
            CreditClaim claim = new CreditClaim("t", "p", "SPONSORING_ORGANIZATION", "GENERAL",
                    TODAY.plusDays(1).toString(), BigDecimal.ONE, "CEC", true, null);
            assertThat(check(claim).violations()).singleElement()
                    .satisfies(v -> {
                        assertThat(v.field()).isEqualTo("completedOn");
                        assertThat(v.message()).contains("future");
                    });
        }

        @Test
        void givenACompletionDateThatIsNotADateWhenCheckedThenItIsRefused() {
            CreditClaim claim = new CreditClaim("t", "p", "SPONSORING_ORGANIZATION", "GENERAL", "10/02/2027",
                    BigDecimal.ONE, "CEC", true, null);
            assertThat(check(claim).violations()).containsExactly(
                    new RuleViolation("completedOn", "must be a date (YYYY-MM-DD)"));
        }

        @Test
        void givenAnOutOfScopeAttestationWhenCheckedThenItIsRefused() {
            CreditClaim claim = new CreditClaim("t", "p", "SPONSORING_ORGANIZATION", "GENERAL", "2027-01-01",
                    BigDecimal.ONE, "CEC", false, null);
            assertThat(fields(check(claim))).containsExactly("inScope");
        }

        @ParameterizedTest(name = "given amount {0}, then it is refused")
        @ValueSource(strings = {"0", "-0.5", "0.00"})
        void givenANonPositiveAmountWhenCheckedThenItIsRefused(String amount) {
            CreditClaim claim = new CreditClaim("t", "p", "SPONSORING_ORGANIZATION", "GENERAL", "2027-01-01",
                    new BigDecimal(amount), "CEC", true, null);
            assertThat(check(claim).violations()).containsExactly(new RuleViolation("amount", "must be more than 0"));
        }

        @ParameterizedTest(name = "given {0} {1}, then more than the largest credit")
        @CsvSource({"100.01, CEC, 100.01", "10.1, CEU, 101.0", "11, COLLEGE_CREDIT_HOUR, 110", "101, CONTACT_HOUR, 101"})
        void givenAnAmountConvertingToMoreThanTheLargestCreditWhenCheckedThenItIsRefused(String amount, String unit,
                                                                                       String cecs) {
            String category = unit.equals("COLLEGE_CREDIT_HOUR") ? "COLLEGE_COURSE" : "GENERAL";
            String grade = unit.equals("COLLEGE_CREDIT_HOUR") ? "A" : null;
            CreditClaim claim = new CreditClaim("t", "p", "ACCREDITED_COLLEGE", category, "2027-01-01",
                    new BigDecimal(amount), unit, true, grade);
            assertThat(check(claim).violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("amount");
                assertThat(v.message()).contains(new BigDecimal(cecs).stripTrailingZeros().toPlainString() + " CECs")
                        .contains("at most 100");
            });
        }

        @Test
        void givenAConfiguredSmallerLargestCreditWhenCheckedThenItApplies() {
            CreditRules strict = new CreditRules(LedgerPolicy.acsm().withMaxCecsPerCredit(new BigDecimal("20")));
            CreditClaim claim = new CreditClaim("t", "p", "SPONSORING_ORGANIZATION", "GENERAL", "2027-01-01",
                    new BigDecimal("2.1"), "CEU", true, null);
            assertThat(fields(strict.check(claim, TODAY))).containsExactly("amount");
        }

        @Test
        void givenATitleLongerThanAllowedWhenCheckedThenItIsRefused() {
            CreditClaim claim = new CreditClaim("x".repeat(301), "p", "SPONSORING_ORGANIZATION", "GENERAL",
                    "2027-01-01", BigDecimal.ONE, "CEC", true, null);
            assertThat(fields(check(claim))).containsExactly("title");
        }
    }

    @Nested
    class CollegeCourses {

        @ParameterizedTest(name = "given grade {0}, then the college course is refused")
        @ValueSource(strings = {"C-", "D+", "D", "D-", "F", "W", "I"})
        void givenAGradeBelowCWhenCheckedThenTheCollegeCourseIsRefused(String grade) {
            CreditRules.Checked checked = check(college(grade));
            assertThat(checked.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("grade");
                assertThat(v.message()).startsWith("must be C or better").contains(grade + " does not count");
            });
        }

        @Test
        void givenACollegeCourseWithoutGradeWhenCheckedThenTheGradeIsRequired() {
            assertThat(check(college(null)).violations())
                    .containsExactly(new RuleViolation("grade", "is required for a college course"));
            assertThat(fields(check(college("  ")))).containsExactly("grade");
        }

        @Test
        void givenAnUnknownGradeWhenCheckedThenTheKnownGradesAreNamed() {
            assertThat(check(college("E")).violations()).singleElement()
                    .satisfies(v -> assertThat(v.message()).startsWith("must be one of [A+, A, A-"));
        }

        @Test
        void givenACollegeCourseReportedInCeuWhenCheckedThenTheUnitIsRefused() {
            CreditClaim claim = new CreditClaim("t", "p", "ACCREDITED_COLLEGE", "COLLEGE_COURSE", "2027-01-01",
                    new BigDecimal("0.3"), "CEU", true, "A");
            assertThat(check(claim).violations()).containsExactly(
                    new RuleViolation("unit", "a college course is reported in COLLEGE_CREDIT_HOUR"));
        }

        @Test
        void givenCollegeCreditHoursForAnotherCategoryWhenCheckedThenTheUnitIsRefused() {
            CreditClaim claim = new CreditClaim("t", "p", "ACCREDITED_COLLEGE", "GENERAL", "2027-01-01",
                    new BigDecimal("3"), "COLLEGE_CREDIT_HOUR", true, null);
            assertThat(check(claim).violations()).containsExactly(new RuleViolation("unit",
                    "COLLEGE_CREDIT_HOUR is accepted only for category COLLEGE_COURSE"));
        }

        @Test
        void givenAGradeOnACreditThatIsNoCollegeCourseWhenCheckedThenItIsRefused() {
            CreditClaim claim = new CreditClaim("t", "p", "SPONSORING_ORGANIZATION", "GENERAL", "2027-01-01",
                    BigDecimal.ONE, "CEC", true, "A");
            assertThat(fields(check(claim))).containsExactly("grade");
        }

        @Test
        void givenAFailingCollegeCourseInTheFutureOutOfScopeWhenCheckedThenAllThreeAreListed() {
            CreditClaim claim = new CreditClaim("Kinesiology", "State University", "ACCREDITED_COLLEGE",
                    "COLLEGE_COURSE", "2027-03-02", new BigDecimal("3"), "COLLEGE_CREDIT_HOUR", false, "F");
            assertThat(fields(check(claim))).containsExactlyInAnyOrder("grade", "completedOn", "inScope");
        }

        @Test
        void givenAPolicyWhereOnlyPassCountsWhenCheckedThenAnAIsRefused() {
            LedgerPolicy acsm = LedgerPolicy.acsm();
            CreditRules passOnly = new CreditRules(new LedgerPolicy(acsm.zone(), acsm.cecsPerUnit(),
                    acsm.maxCecsPerCredit(), java.util.Set.of("P")));
            assertThat(fields(passOnly.check(college("A"), TODAY))).containsExactly("grade");
            assertThat(passOnly.check(college("P"), TODAY).accepted()).isTrue();
        }
    }
}
