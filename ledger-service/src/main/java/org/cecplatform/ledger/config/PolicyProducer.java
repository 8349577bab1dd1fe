package org.cecplatform.ledger.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cecplatform.ledger.domain.CreditRules;
import org.cecplatform.ledger.domain.IntakeRules;
import org.cecplatform.ledger.domain.LedgerPolicy;
import org.cecplatform.ledger.domain.LedgerPolicyHistory;
import org.cecplatform.ledger.domain.Unit;
import org.cecplatform.platform.api.CertificantIds;
import org.cecplatform.policy.PolicyHistory;
import org.cecplatform.policy.PolicyVersion;

/**
 * Maps the policy file ({@code PolicySource}: the shipped one or {@code cec.policy.file}) into the plain domain
 * policy, one {@link LedgerPolicy} per policy version, and the rule objects built on it; a credit is checked by the
 * version in force on the day it is recorded. Singletons (no proxy): the domain types are final.
 */
@ApplicationScoped
public class PolicyProducer {

    @Produces
    @Singleton
    @Startup
    LedgerPolicyHistory policies(PolicyHistory history) {
        return policiesOf(history);
    }

    @Produces
    @Singleton
    CreditRules creditRules(LedgerPolicyHistory policies) {
        return new CreditRules(policies);
    }

    @Produces
    @Singleton
    IntakeRules intakeRules(LedgerPolicyHistory policies) {
        return new IntakeRules(policies, CertificantIds::isValid, CertificantIds.RULE);
    }

    /**
     * Every version of the policy as the ledger's policy in force from its {@code effectiveFrom}; a unit the ledger
     * does not know, a unit without a factor or a grade it cannot read stops the service.
     */
    public static LedgerPolicyHistory policiesOf(PolicyHistory history) {
        Map<LocalDate, LedgerPolicy> byEffectiveFrom = new LinkedHashMap<>();
        for (PolicyVersion version : history.versions()) {
            String name = "policy version effective from " + version.effectiveFrom() + " (" + history.source() + ")";
            Map<Unit, BigDecimal> factors = new EnumMap<>(Unit.class);
            version.ledger().cecsPerUnit().forEach((unit, factor) -> factors.put(unit(unit, name), factor));
            try {
                byEffectiveFrom.put(version.effectiveFrom(), new LedgerPolicy(history.zone(), factors,
                        version.ledger().maxCecsPerCredit(), new HashSet<>(version.ledger().passingGrades())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(name + ", ledger: " + e.getMessage(), e);
            }
        }
        return new LedgerPolicyHistory(byEffectiveFrom);
    }

    private static Unit unit(String unit, String version) {
        try {
            return Unit.valueOf(unit);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(version + ", ledger.cecsPerUnit: unknown unit " + unit + "; the ledger's"
                    + " units are " + Arrays.toString(Unit.values()), e);
        }
    }
}
