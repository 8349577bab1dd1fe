package org.cecplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import org.cecplatform.audit.config.AuditConfig;
import org.cecplatform.audit.config.Policies;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.sampling.SamplingPolicy;
import org.cecplatform.policy.PolicyFile;
import org.cecplatform.policy.PolicyHistory;
import org.cecplatform.policy.counting.CountingRules;
import org.junit.jupiter.api.Test;

/**
 * The audit policy comes from the policy file (levels = the credentials' tie order, windows, zone, sampling rates by
 * year, counting caps by day); one configuration key per level replaces its rate, by property or environment variable.
 */
class AuditConfigTest {

    static final PolicyHistory SHIPPED = PolicyFile.shipped();

    static AuditConfig config(Map<String, String> properties, Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 400))
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(AuditConfig.class)
                .build();
        return config.getConfigMapping(AuditConfig.class);
    }

    static SamplingPolicy sampling(PolicyHistory policy, AuditConfig config) {
        return Policies.samplingPolicyOf(policy, config.sampling().rate());
    }

    static String shippedText() throws IOException {
        return new String(PolicyFile.class.getClassLoader().getResourceAsStream(PolicyFile.SHIPPED_RESOURCE)
                .readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void withTheShippedPolicyAndNoKeys_everyLevelIsSampledAtTenPercentOnAcsmDeadlines() {
        AuditConfig config = config(Map.of(), Map.of());

        AuditPolicy audit = Policies.auditPolicyOf(SHIPPED);
        assertThat(audit).isEqualTo(AuditPolicy.acsm());
        assertThat(audit.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(audit.proofWindowDays()).isEqualTo(30);
        assertThat(audit.maxExtensionDays()).isEqualTo(30);
        assertThat(audit.remediationWindowDays()).isEqualTo(90);
        assertThat(audit.cureWindow()).isEqualTo(Period.ofYears(1));
        assertThat(audit.auditableFor()).isEqualTo(Period.ofYears(1));
        SamplingPolicy sampling = sampling(SHIPPED, config);
        assertThat(sampling.levels()).as("the levels are the credentials' tie order")
                .containsExactly("CEP", "EP", "CPT", "GEI", "PAPHS", "CIFT", "CET");
        assertThat(sampling.levels()).allSatisfy(level -> {
            assertThat(sampling.rateFor(level, 2027).rate()).isEqualByComparingTo("0.10");
            assertThat(sampling.rateFor(level, 1970).rate()).isEqualByComparingTo("0.10");
        });
    }

    @Test
    void oneKeyPerLevelOverridesItsRateByPropertyOrEnvironment() {
        SamplingPolicy sampling = sampling(SHIPPED, config(Map.of("cec.audit.sampling.rate.CPT", "0.15"),
                Map.of("CEC_AUDIT_SAMPLING_RATE_CEP", "1.0")));

        assertThat(sampling.rateFor("CPT", 2027).perBlock()).isEqualTo(3);
        assertThat(sampling.rateFor("CPT", 2027).blockSize()).isEqualTo(20);
        assertThat(sampling.rateFor("CEP", 2027).rate()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(sampling.rateFor("GEI", 2027).rate()).isEqualByComparingTo("0.10");
    }

    @Test
    void aRateForAnUnknownLevelOrOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> sampling(SHIPPED, config(Map.of("cec.audit.sampling.rate.XYZ", "0.5"), Map.of())))
                .hasMessageContaining("XYZ");
        assertThatThrownBy(() -> sampling(SHIPPED, config(Map.of("cec.audit.sampling.rate.CPT", "1.5"), Map.of())))
                .hasMessageContaining("1.5");
    }

    @Test
    void aYearsPoolsAreSampledAtTheRatesInForceOnItsFirstDay_aLevelsKeyOverridesEveryYear() throws IOException {
        PolicyHistory policy = PolicyFile.parse(shippedText() + """
                  - effectiveFrom: 2028-01-01
                    sampling: { defaultRate: 0.10, rates: { CPT: 0.2 } }
                  - effectiveFrom: 2029-07-01
                    sampling: { defaultRate: 0.05 }
                  - effectiveFrom: 2029-09-01
                    sampling: { defaultRate: 0.25 }
                """, "under test");
        SamplingPolicy sampling = sampling(policy, config(Map.of(), Map.of()));

        assertThat(sampling.rateFor("CPT", 2027).rate()).isEqualByComparingTo("0.10");
        assertThat(sampling.rateFor("CPT", 2028).rate()).isEqualByComparingTo("0.2");
        assertThat(sampling.rateFor("CPT", 2029).rate()).as("2029-01-01 is under the 2028 version")
                .isEqualByComparingTo("0.2");
        assertThat(sampling.rateFor("GEI", 2030).rate()).as("the version of 2029-07-01 never starts a year")
                .isEqualByComparingTo("0.25");
        assertThat(sampling.rateFor("CPT", 2031).rate()).isEqualByComparingTo("0.25");

        SamplingPolicy overridden = sampling(policy, config(Map.of("cec.audit.sampling.rate.CPT", "1.0"), Map.of()));
        assertThat(overridden.rateFor("CPT", 2027).rate()).isEqualByComparingTo("1.0");
        assertThat(overridden.rateFor("CPT", 2030).rate()).isEqualByComparingTo("1.0");
        assertThat(overridden.rateFor("GEI", 2030).rate()).isEqualByComparingTo("0.25");
    }

    @Test
    void aRenewalIsCountedWithTheCapsInForceOnItsDate() throws IOException {
        PolicyHistory policy = PolicyFile.parse(shippedText() + """
                  - effectiveFrom: 2028-01-01
                    countingCaps: { committeeServicePerYear: 10, committeeServicePerCycle: 30, cprAedFirstAidPerYear: 6 }
                """, "under test");
        CountingRules counting = policy.countingRules();

        assertThat(counting.capsOn(LocalDate.of(2027, 12, 31)).committeeServicePerYear()).isEqualByComparingTo("8");
        assertThat(counting.capsOn(LocalDate.of(2028, 1, 1)).committeeServicePerYear()).isEqualByComparingTo("10");
        assertThat(SHIPPED.countingRules().capsOn(LocalDate.of(2027, 6, 1)).cprPerYear()).isEqualByComparingTo("5");
    }
}
