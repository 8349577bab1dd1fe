package org.cecplatform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions with effective dates: the version in force on a day, and sections a later version leaves out. */
class PolicyVersionsTest {

    /** ACSM's rules, then from 1 January 2028 a CPT fee of 75 and 50 CECs, and a late fee of 90. */
    static final String FEES_RISE_IN_2028 = PolicyTexts.shippedPlus("""
              - effectiveFrom: 2028-01-01
                credentials:
                  - { code: CEP,   name: Certified Clinical Exercise Physiologist,      cecsRequired: 60, fee: 70 }
                  - { code: EP,    name: Certified Exercise Physiologist,               cecsRequired: 60, fee: 70 }
                  - { code: CPT,   name: Certified Personal Trainer,                    cecsRequired: 50, fee: 75 }
                  - { code: GEI,   name: Certified Group Exercise Instructor,           cecsRequired: 45, fee: 60 }
                  - { code: PAPHS, name: Physical Activity in Public Health Specialist, cecsRequired: 45, fee: 35 }
                  - { code: CIFT,  name: Inclusive Fitness Trainer,                     cecsRequired: 15, fee: 35 }
                  - { code: CET,   name: Cancer Exercise Trainer,                       cecsRequired: 15, fee: 35 }
                fees: { late: 90, reinstatement: 165, additionalCredential: 5 }
              - effectiveFrom: 2029-07-01
                countingCaps: { committeeServicePerYear: 10, committeeServicePerCycle: 30, cprAedFirstAidPerYear: 5 }
                sampling: { defaultRate: 0.05, rates: { CPT: 0.2 } }
            """);

    private final PolicyHistory policy = PolicyTexts.parse(FEES_RISE_IN_2028);

    @Test
    void theVersionInForceOnADay_isTheLastEffectiveOnOrBeforeIt_theBoundaryDayBelongsToTheNewVersion() {
        assertThat(policy.versions()).extracting(PolicyVersion::effectiveFrom).containsExactly(
                LocalDate.of(1970, 1, 1), LocalDate.of(2028, 1, 1), LocalDate.of(2029, 7, 1));

        assertThat(cptFee(LocalDate.of(2027, 12, 31))).isEqualByComparingTo("60");
        assertThat(cptFee(LocalDate.of(2028, 1, 1))).isEqualByComparingTo("75");
        assertThat(cptFee(LocalDate.of(2028, 1, 2))).isEqualByComparingTo("75");
        assertThat(policy.versionOn(LocalDate.of(2027, 12, 31)).credential("CPT").orElseThrow().cecsRequired())
                .isEqualByComparingTo("45");
        assertThat(policy.versionOn(LocalDate.of(2028, 1, 1)).credential("CPT").orElseThrow().cecsRequired())
                .isEqualByComparingTo("50");
        assertThat(policy.versionOn(LocalDate.of(2028, 1, 1)).fees().late()).isEqualByComparingTo("90");
        assertThat(policy.versionOn(LocalDate.of(2029, 6, 30)).effectiveFrom()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(policy.versionOn(LocalDate.of(2029, 7, 1)).effectiveFrom()).isEqualTo(LocalDate.of(2029, 7, 1));
        assertThat(policy.latest().effectiveFrom()).isEqualTo(LocalDate.of(2029, 7, 1));
    }

    @Test
    void aSectionALaterVersionLeavesOut_isThePreviousVersions() {
        PolicyVersion mid2029 = policy.versionOn(LocalDate.of(2029, 7, 1));

        assertThat(mid2029.credentials()).isEqualTo(policy.versionOn(LocalDate.of(2028, 1, 1)).credentials());
        assertThat(mid2029.fees().late()).isEqualByComparingTo("90");
        assertThat(mid2029.attestedCaps()).isEqualTo(policy.versions().get(0).attestedCaps());
        assertThat(mid2029.ledger()).isEqualTo(policy.versions().get(0).ledger());
        assertThat(mid2029.countingCaps().committeeServicePerYear()).isEqualByComparingTo("10");
    }

    @Test
    void countingRules_giveTheCapsOfTheVersionInForceOnTheDay() {
        assertThat(policy.countingRules().capsOn(LocalDate.of(2029, 6, 30)).committeeServicePerCycle())
                .isEqualByComparingTo("24");
        assertThat(policy.countingRules().capsOn(LocalDate.of(2029, 7, 1)).committeeServicePerCycle())
                .isEqualByComparingTo("30");
    }

    @Test
    void aYearIsSampledWithTheVersionInForceOnItsFirstDay() {
        assertThat(policy.versionForYear(2029).sampling().rateFor("CPT")).isEqualByComparingTo("0.10");
        assertThat(policy.versionForYear(2030).sampling().rateFor("CPT")).isEqualByComparingTo("0.2");
        assertThat(policy.versionForYear(2030).sampling().rateFor("GEI")).isEqualByComparingTo("0.05");
        assertThat(policy.versionForYear(2028).effectiveFrom()).isEqualTo(LocalDate.of(2028, 1, 1));
    }

    @Test
    void aDayBeforeTheFirstVersion_hasNoVersion() {
        assertThatThrownBy(() -> policy.versionOn(LocalDate.of(1969, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no policy version is in force on 1969-12-31");
    }

    @Test
    void everyCredential_isTheLatestTieOrder_thenCodesOnlyEarlierVersionsName() {
        PolicyHistory dropsCet = PolicyTexts.parse(PolicyTexts.shippedPlus("""
                  - effectiveFrom: 2028-01-01
                    credentials:
                      - { code: CPT, name: Certified Personal Trainer, cecsRequired: 45, fee: 60 }
                      - { code: NEW, name: A new credential, cecsRequired: 30, fee: 50 }
                """));

        assertThat(dropsCet.everyCredential())
                .containsExactly("CPT", "NEW", "CEP", "EP", "GEI", "PAPHS", "CIFT", "CET");
    }

    @Test
    void aFileOnTheFilesystem_isReadLikeTheShippedOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other-body.yaml");
        Files.writeString(file, FEES_RISE_IN_2028);

        PolicyHistory read = PolicyFile.read(file);

        assertThat(read.versions()).hasSize(3);
        assertThat(read.source()).isEqualTo("file " + file.toAbsolutePath());
    }

    @Test
    void aMissingFile_isRefusedNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("nowhere.yaml");

        assertThatThrownBy(() -> PolicyFile.read(file))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
    }

    private BigDecimal cptFee(LocalDate day) {
        return policy.versionOn(day).credential("CPT").orElseThrow().fee();
    }
}
