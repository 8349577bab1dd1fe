package org.cecplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;
import org.cecplatform.audit.config.AuditConfig;
import org.cecplatform.audit.domain.sampling.SamplingPolicy;
import org.junit.jupiter.api.Test;

/** The policy keys: ACSM defaults, one rate key per level, settable by property or environment variable. */
class AuditConfigTest {

    static AuditConfig config(Map<String, String> properties, Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 400))
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(AuditConfig.class)
                .build();
        return config.getConfigMapping(AuditConfig.class);
    }

    static SamplingPolicy sampling(AuditConfig config) {
        return SamplingPolicy.of(config.levels(), config.sampling().defaultRate(), config.sampling().rate());
    }

    @Test
    void withoutKeysEveryLevelIsSampledAtTenPercentOnAcsmDeadlines() {
        AuditConfig config = config(Map.of(), Map.of());

        assertThat(config.levels()).containsExactly("CEP", "EP", "CPT", "GEI", "PAPHS", "CIFT", "CET");
        assertThat(config.zone()).isEqualTo("America/New_York");
        assertThat(config.proofWindowDays()).isEqualTo(30);
        assertThat(config.maxExtensionDays()).isEqualTo(30);
        assertThat(config.remediationWindowDays()).isEqualTo(90);
        assertThat(config.cureWindow()).isEqualTo(Period.ofYears(1));
        assertThat(config.auditableFor()).isEqualTo(Period.ofYears(1));
        SamplingPolicy sampling = sampling(config);
        assertThat(sampling.levels()).allSatisfy(level ->
                assertThat(sampling.rateFor(level).rate()).isEqualByComparingTo("0.10"));
    }

    @Test
    void oneKeyPerLevelOverridesItsRateByPropertyOrEnvironment() {
        SamplingPolicy sampling = sampling(config(Map.of("cec.audit.sampling.rate.CPT", "0.15"),
                Map.of("CEC_AUDIT_SAMPLING_RATE_CEP", "1.0")));

        assertThat(sampling.rateFor("CPT").perBlock()).isEqualTo(3);
        assertThat(sampling.rateFor("CPT").blockSize()).isEqualTo(20);
        assertThat(sampling.rateFor("CEP").rate()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(sampling.rateFor("GEI").rate()).isEqualByComparingTo("0.10");
    }

    @Test
    void aRateForAnUnknownLevelOrOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> sampling(config(Map.of("cec.audit.sampling.rate.XYZ", "0.5"), Map.of())))
                .hasMessageContaining("XYZ");
        assertThatThrownBy(() -> sampling(config(Map.of("cec.audit.sampling.rate.CPT", "1.5"), Map.of())))
                .hasMessageContaining("1.5");
    }
}
