package org.cecplatform.ledger.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.cecplatform.policy.dated.InForce;

/**
 * The ledger's policy of each policy version, by the first day each is in force. A credit is checked (converted,
 * capped, its grade judged) by the version in force on the day it is recorded. The time zone that decides what
 * "today" is, is the same in every version.
 */
public final class LedgerPolicyHistory {

    private final InForce<LedgerPolicy> versions;
    private final ZoneId zone;

    public LedgerPolicyHistory(Map<LocalDate, LedgerPolicy> byEffectiveFrom) {
        this.versions = new InForce<>(byEffectiveFrom);
        this.zone = versions.same(LedgerPolicy::zone, "time zone");
    }

    /** The same policy on every day. */
    public static LedgerPolicyHistory always(LedgerPolicy policy) {
        return new LedgerPolicyHistory(Map.of(LocalDate.MIN, policy));
    }

    /** The policy in force on {@code day} (a date in the policy zone). */
    public LedgerPolicy on(LocalDate day) {
        return versions.on(day);
    }

    /** The zone whose calendar decides what "today" and a completion date are. */
    public ZoneId zone() {
        return zone;
    }
}
