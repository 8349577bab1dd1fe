package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.cecplatform.policy.PolicyFile;
import org.cecplatform.renewal.config.PolicyProducer;
import org.junit.jupiter.api.Test;

/** The policy file shipped with the product maps to exactly the ACSM policy these domain tests judge by. */
class AcsmIsTheShippedPolicyTest {

    @Test
    void theShippedPolicy_isAcsmsOnEveryDay() {
        RenewalRulesHistory shipped = PolicyProducer.rulesOf(PolicyFile.shipped());

        assertThat(shipped.on(LocalDate.of(1970, 1, 1)).policy()).isEqualTo(Acsm.POLICY);
        assertThat(shipped.on(LocalDate.of(2027, 12, 31)).policy()).isEqualTo(Acsm.POLICY);
        assertThat(shipped.zone()).isEqualTo(Acsm.NEW_YORK);
    }
}
