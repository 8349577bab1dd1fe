package org.cecplatform.renewal.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Prices a renewal of a set of credentials. On time: the fee of the highest credential plus the additional-credential
 * fee for each other one. Late: the same plus the late fee, once. Reinstatement: the reinstatement fee, once, instead
 * of the renewal and late fees (whatever the number of credentials).
 */
public final class FeeSchedule {

    private final Policy policy;

    public FeeSchedule(Policy policy) {
        this.policy = policy;
    }

    public Fee price(RenewalKind kind, List<String> credentials) {
        CredentialRule highest = policy.highest(credentials);
        List<FeeItem> items = new ArrayList<>();
        if (kind == RenewalKind.REINSTATEMENT) {
            items.add(new FeeItem("Reinstatement fee", policy.reinstatementFee()));
            return Fee.of(items, policy.currency());
        }
        items.add(new FeeItem("Renewal fee, " + highest.label(), highest.fee()));
        credentials.stream()
                .filter(code -> !code.equals(highest.code()))
                .sorted((a, b) -> Integer.compare(policy.rank(a), policy.rank(b)))
                .forEach(code -> items.add(new FeeItem("Additional credential, " + policy.require(code).label(),
                        policy.additionalCredentialFee())));
        if (kind == RenewalKind.LATE_RENEWAL) {
            items.add(new FeeItem("Late fee (renewal in the grace period)", policy.lateFee()));
        }
        return Fee.of(items, policy.currency());
    }
}
