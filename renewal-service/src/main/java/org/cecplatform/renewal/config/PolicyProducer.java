package org.cecplatform.renewal.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cecplatform.policy.counting.CecCaps;
import org.cecplatform.renewal.domain.AttestationCaps;
import org.cecplatform.renewal.domain.CredentialRule;
import org.cecplatform.renewal.domain.Policy;
import org.cecplatform.renewal.domain.RenewalRules;

/** Maps the configuration into the plain domain policy, refusing to start on an inconsistent credential table. */
@ApplicationScoped
public class PolicyProducer {

    @Produces
    @Singleton
    Policy policy(PolicyConfig config) {
        Set<String> configured = new HashSet<>(config.credentials().keySet());
        if (!configured.equals(new HashSet<>(config.rank())) || config.rank().size() != configured.size()) {
            throw new IllegalStateException("cec.policy.rank " + config.rank()
                    + " must name each configured credential exactly once: " + configured);
        }
        List<CredentialRule> credentials = new ArrayList<>();
        for (String code : config.rank()) {
            PolicyConfig.Credential credential = config.credentials().get(code);
            credentials.add(new CredentialRule(code, credential.name(), credential.cecsRequired(), credential.fee()));
        }
        return new Policy(credentials, config.zone(), config.currency(), config.cycleYears(),
                MonthDay.parse("--" + config.graceEnds()), config.reinstatementYears(), config.lateFee(),
                config.reinstatementFee(), config.additionalCredentialFee(),
                new CecCaps(config.caps().committeeServicePerYear(), config.caps().committeeServicePerCycle(),
                        config.caps().cprAedFirstAidPerYear()),
                new AttestationCaps(config.attestedCaps().committeeService(), config.attestedCaps().cprAedFirstAid()));
    }

    @Produces
    @Singleton
    RenewalRules rules(Policy policy) {
        return RenewalRules.of(policy);
    }
}
