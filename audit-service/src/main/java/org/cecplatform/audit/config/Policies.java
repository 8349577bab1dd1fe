package org.cecplatform.audit.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.sampling.SamplingPolicy;
import org.cecplatform.audit.domain.sampling.SeedSource;
import org.cecplatform.policy.AuditWindows;
import org.cecplatform.policy.PolicyHistory;
import org.cecplatform.policy.PolicyVersion;
import org.cecplatform.policy.counting.CountingRules;

/**
 * Maps the policy file ({@code PolicySource}: the shipped one or {@code cec.policy.file}) into the plain domain
 * policies; a bad value stops the service at start-up. The audit levels are the policy's credentials in tie order;
 * a level-year pool is sampled at the rates of the version in force on 1 January of its year (a rate per level can
 * be replaced by configuration, {@link AuditConfig}); a renewal is counted with the caps of the version in force on
 * its renewal date.
 */
@ApplicationScoped
public class Policies {

    @Produces
    @Singleton
    @Startup
    AuditPolicy auditPolicy(PolicyHistory policy) {
        return auditPolicyOf(policy);
    }

    @Produces
    @Singleton
    @Startup
    SamplingPolicy samplingPolicy(PolicyHistory policy, AuditConfig config) {
        return samplingPolicyOf(policy, config.sampling().rate());
    }

    /** The counting caps in force on a day (a renewal's date) of the policy file. */
    @Produces
    @Singleton
    CountingRules countingRules(PolicyHistory policy) {
        return policy.countingRules();
    }

    /** New level-year seeds come from the operating system's secure random source. */
    @Produces
    @Singleton
    SeedSource seeds() {
        return SeedSource.secure();
    }

    public static AuditPolicy auditPolicyOf(PolicyHistory policy) {
        AuditWindows windows = policy.audit();
        return new AuditPolicy(policy.zone(), windows.proofWindowDays(), windows.maxExtensionDays(),
                windows.remediationWindowDays(), windows.cureWindow(), windows.auditableFor());
    }

    /**
     * Every credential any version names is an audited level (the latest tie order first). Each year takes the rates
     * of the version in force on its 1 January; {@code overrides} (by level) replace a level's rate in every year.
     */
    public static SamplingPolicy samplingPolicyOf(PolicyHistory policy, Map<String, BigDecimal> overrides) {
        NavigableMap<Integer, SamplingPolicy.Rates> ratesFromYear = new TreeMap<>();
        for (PolicyVersion version : policy.versions()) {
            LocalDate from = version.effectiveFrom();
            int firstYear = from.getDayOfYear() == 1 ? from.getYear() : from.getYear() + 1;
            PolicyVersion ofYear = policy.versionForYear(firstYear); // a later version may take over before then
            ratesFromYear.put(firstYear, new SamplingPolicy.Rates(ofYear.sampling().defaultRate(),
                    ofYear.sampling().perLevel()));
        }
        try {
            return SamplingPolicy.of(policy.everyCredential(), ratesFromYear, overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("audit sampling (" + policy.source() + ", cec.audit.sampling.rate.*): "
                    + e.getMessage(), e);
        }
    }
}
