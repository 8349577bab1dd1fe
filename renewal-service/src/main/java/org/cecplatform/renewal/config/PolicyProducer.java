package org.cecplatform.renewal.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cecplatform.policy.CalendarRules;
import org.cecplatform.policy.PolicyHistory;
import org.cecplatform.policy.PolicyVersion;
import org.cecplatform.renewal.domain.AttestationCaps;
import org.cecplatform.renewal.domain.CredentialRule;
import org.cecplatform.renewal.domain.Policy;
import org.cecplatform.renewal.domain.RenewalRules;
import org.cecplatform.renewal.domain.RenewalRulesHistory;

/**
 * Maps the policy file ({@code PolicySource}: the shipped one or {@code cec.policy.file}) into the plain domain
 * rules, one {@link RenewalRules} per policy version. The application picks the version in force on the day a
 * renewal is requested (a quote and the progress of certifications: today's).
 */
@ApplicationScoped
public class PolicyProducer {

    @Produces
    @Singleton
    @Startup
    RenewalRulesHistory rules(PolicyHistory history) {
        return rulesOf(history);
    }

    /** Every version of the policy as the renewal rules in force from its {@code effectiveFrom}. */
    public static RenewalRulesHistory rulesOf(PolicyHistory history) {
        Map<LocalDate, RenewalRules> byEffectiveFrom = new LinkedHashMap<>();
        for (PolicyVersion version : history.versions()) {
            byEffectiveFrom.put(version.effectiveFrom(), RenewalRules.of(policyOf(history, version)));
        }
        return new RenewalRulesHistory(byEffectiveFrom);
    }

    static Policy policyOf(PolicyHistory history, PolicyVersion version) {
        CalendarRules calendar = history.calendar();
        return new Policy(
                version.credentials().stream()
                        .map(c -> new CredentialRule(c.code(), c.name(), c.cecsRequired(), c.fee())).toList(),
                history.zone(), history.currency(), calendar.cycleYears(), calendar.graceEnds(),
                calendar.reinstatementYears(), version.fees().late(), version.fees().reinstatement(),
                version.fees().additionalCredential(), version.countingCaps(),
                new AttestationCaps(version.attestedCaps().committeeService(), version.attestedCaps().cprAedFirstAid()));
    }
}
