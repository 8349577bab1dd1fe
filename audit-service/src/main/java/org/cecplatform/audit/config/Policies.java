package org.cecplatform.audit.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.sampling.SamplingPolicy;
import org.cecplatform.audit.domain.sampling.SeedSource;
import org.cecplatform.policy.counting.CecCaps;
import org.cecplatform.policy.counting.CountingRules;

/** Maps the configuration into the plain domain policies; a bad value stops the service at start-up. */
@ApplicationScoped
public class Policies {

    @Produces
    @Singleton
    AuditPolicy auditPolicy(AuditConfig config) {
        return new AuditPolicy(ZoneId.of(config.zone()), config.proofWindowDays(), config.maxExtensionDays(),
                config.remediationWindowDays(), config.cureWindow(), config.auditableFor());
    }

    @Produces
    @Singleton
    SamplingPolicy samplingPolicy(AuditConfig config) {
        return SamplingPolicy.of(config.levels(), config.sampling().defaultRate(), config.sampling().rate());
    }

    /** How the renewal-service counts ledger credits (ACSM caps: committee service 8 a year and 24 a cycle, CPR 5 a year). */
    @Produces
    @Singleton
    CountingRules countingRules() {
        return CountingRules.always(new CecCaps(new BigDecimal("8"), new BigDecimal("24"), new BigDecimal("5")));
    }

    /** New level-year seeds come from the operating system's secure random source. */
    @Produces
    @Singleton
    SeedSource seeds() {
        return SeedSource.secure();
    }
}
