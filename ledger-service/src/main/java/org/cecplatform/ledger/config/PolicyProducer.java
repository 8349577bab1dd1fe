package org.cecplatform.ledger.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import org.cecplatform.ledger.domain.CreditRules;
import org.cecplatform.ledger.domain.IntakeRules;
import org.cecplatform.ledger.domain.LedgerPolicy;
import org.cecplatform.ledger.domain.Unit;
import org.cecplatform.platform.api.CertificantIds;

/**
 * Maps the configuration into the plain domain policy and the rule objects built on it. Singletons (no proxy):
 * the domain types are final.
 */
@ApplicationScoped
public class PolicyProducer {

    @Produces
    @Singleton
    LedgerPolicy policy(PolicyConfig config) {
        Map<Unit, BigDecimal> factors = new EnumMap<>(Unit.class);
        factors.put(Unit.CEC, config.conversion().cec());
        factors.put(Unit.CME, config.conversion().cme());
        factors.put(Unit.CONTACT_HOUR, config.conversion().contactHour());
        factors.put(Unit.CEU, config.conversion().ceu());
        factors.put(Unit.COLLEGE_CREDIT_HOUR, config.conversion().collegeCreditHour());
        return new LedgerPolicy(config.timeZone(), factors, config.maxCecsPerCredit(),
                new HashSet<>(config.passingGrades()));
    }

    @Produces
    @Singleton
    CreditRules creditRules(LedgerPolicy policy) {
        return new CreditRules(policy);
    }

    @Produces
    @Singleton
    IntakeRules intakeRules(LedgerPolicy policy) {
        return new IntakeRules(policy, CertificantIds::isValid, CertificantIds.RULE);
    }
}
