package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One credential of the policy: its code (e.g. {@code CPT}), name, CECs required per cycle and renewal fee. */
public record CredentialRule(String code, String name, BigDecimal cecsRequired, BigDecimal fee) {

    public CredentialRule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cecsRequired, "cecsRequired");
        Objects.requireNonNull(fee, "fee");
        if (cecsRequired.signum() <= 0 || fee.signum() < 0) {
            throw new IllegalArgumentException("credential " + code + ": CECs must be positive and the fee not negative");
        }
    }

    /** {@code CPT (Certified Personal Trainer)}: how the credential is named to people. */
    public String label() {
        return code + " (" + name + ")";
    }
}
