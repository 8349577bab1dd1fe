package org.cecplatform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import org.cecplatform.policy.counting.CecCaps;
import org.junit.jupiter.api.Test;

/** The policy file shipped with the product holds ACSM's published rules (SPEC §1, §2). */
class ShippedPolicyTest {

    private final PolicyHistory policy = PolicyFile.shipped();
    private final PolicyVersion acsm = policy.versionOn(LocalDate.of(2027, 6, 1));

    @Test
    void theValuesThatNeverVary_zoneCurrencyCalendarAndAuditWindows_areAcsms() {
        assertThat(policy.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(policy.currency()).isEqualTo("USD");
        assertThat(policy.calendar()).isEqualTo(new CalendarRules(3, MonthDay.of(6, 30), 3));
        assertThat(policy.audit()).isEqualTo(new AuditWindows(30, 30, 90, Period.ofYears(1), Period.ofYears(1)));
        assertThat(policy.source()).contains(PolicyFile.SHIPPED_RESOURCE);
    }

    @Test
    void oneVersion_effectiveFromTheEarliestDay_coversEveryDate() {
        assertThat(policy.versions()).hasSize(1);
        assertThat(policy.versions().get(0).effectiveFrom()).isEqualTo(PolicyHistory.EARLIEST);
        assertThat(policy.versionOn(PolicyHistory.EARLIEST)).isSameAs(acsm);
        assertThat(policy.versionOn(LocalDate.of(2999, 12, 31))).isSameAs(acsm);
    }

    @Test
    void theCredentialTable_inTieOrder_withCecsRequiredAndFees() {
        assertThat(acsm.tieOrder()).containsExactly("CEP", "EP", "CPT", "GEI", "PAPHS", "CIFT", "CET");
        assertThat(acsm.credentials()).containsExactly(
                credential("CEP", "Certified Clinical Exercise Physiologist", 60, 70),
                credential("EP", "Certified Exercise Physiologist", 60, 70),
                credential("CPT", "Certified Personal Trainer", 45, 60),
                credential("GEI", "Certified Group Exercise Instructor", 45, 60),
                credential("PAPHS", "Physical Activity in Public Health Specialist", 45, 35),
                credential("CIFT", "Inclusive Fitness Trainer", 15, 35),
                credential("CET", "Cancer Exercise Trainer", 15, 35));
    }

    @Test
    void feesAndCaps_areAcsms() {
        assertThat(acsm.fees()).isEqualTo(new Fees(dec(80), dec(165), dec(5)));
        assertThat(acsm.countingCaps()).isEqualTo(new CecCaps(dec(8), dec(24), dec(5)));
        assertThat(acsm.attestedCaps()).isEqualTo(new AttestedCaps(dec(24), dec(15)));
        assertThat(policy.countingRules().capsOn(LocalDate.of(2027, 12, 31))).isEqualTo(acsm.countingCaps());
    }

    @Test
    void theLedgerRules_convertCeusAndCollegeCreditHoursTimesTen_upTo100Cecs_gradeCOrBetter() {
        assertThat(acsm.ledger().cecsPerUnit()).containsOnly(
                entry("CEC", 1), entry("CME", 1), entry("CONTACT_HOUR", 1), entry("CEU", 10),
                entry("COLLEGE_CREDIT_HOUR", 10));
        assertThat(acsm.ledger().maxCecsPerCredit()).isEqualByComparingTo("100");
        assertThat(acsm.ledger().passingGrades()).containsExactly("A+", "A", "A-", "B+", "B", "B-", "C+", "C", "P");
    }

    @Test
    void sampling_tenPercentForEveryLevel() {
        assertThat(acsm.sampling().defaultRate()).isEqualByComparingTo("0.10");
        assertThat(acsm.sampling().perLevel()).isEmpty();
        assertThat(acsm.tieOrder()).allSatisfy(level ->
                assertThat(acsm.sampling().rateFor(level)).isEqualByComparingTo("0.10"));
    }

    private static Credential credential(String code, String name, int cecs, int fee) {
        return new Credential(code, name, dec(cecs), dec(fee));
    }

    private static BigDecimal dec(int value) {
        return BigDecimal.valueOf(value);
    }

    private static java.util.Map.Entry<String, BigDecimal> entry(String unit, int factor) {
        return java.util.Map.entry(unit, dec(factor));
    }
}
