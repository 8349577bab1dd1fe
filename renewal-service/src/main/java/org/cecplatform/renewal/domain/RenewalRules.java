package org.cecplatform.renewal.domain;

import org.cecplatform.policy.counting.CecCounter;

/** The policy and the rules built from it, handed to the aggregate together. */
public record RenewalRules(Policy policy, CycleCalendar calendar, CecCounter counter, FeeSchedule fees) {

    public static RenewalRules of(Policy policy) {
        return new RenewalRules(policy, new CycleCalendar(policy), new CecCounter(policy.cecCaps()),
                new FeeSchedule(policy));
    }
}
