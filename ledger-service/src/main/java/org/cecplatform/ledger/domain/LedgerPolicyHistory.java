package org.cecplatform.ledger.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The ledger's policy of each policy version, by the first day each is in force. A credit is checked (converted,
 * capped, its grade judged) by the version in force on the day it is recorded. The time zone that decides what
 * "today" is, is the same in every version.
 */
public final class LedgerPolicyHistory {

    private final NavigableMap<LocalDate, LedgerPolicy> byEffectiveFrom;
    private final ZoneId zone;

    public LedgerPolicyHistory(Map<LocalDate, LedgerPolicy> byEffectiveFrom) {
        if (byEffectiveFrom.isEmpty()) {
            throw new IllegalArgumentException("at least one version of the ledger's policy is required");
        }
        this.byEffectiveFrom = new TreeMap<>(byEffectiveFrom);
        this.zone = this.byEffectiveFrom.firstEntry().getValue().zone();
        for (LedgerPolicy policy : byEffectiveFrom.values()) {
            if (!policy.zone().equals(zone)) {
                throw new IllegalArgumentException("every version of the ledger's policy has the same time zone");
            }
        }
    }

    /** The same policy on every day. */
    public static LedgerPolicyHistory always(LedgerPolicy policy) {
        return new LedgerPolicyHistory(Map.of(LocalDate.MIN, Objects.requireNonNull(policy, "policy")));
    }

    /** The policy in force on {@code day} (a date in the policy zone). */
    public LedgerPolicy on(LocalDate day) {
        Entry<LocalDate, LedgerPolicy> inForce = byEffectiveFrom.floorEntry(day);
        if (inForce == null) {
            throw new IllegalArgumentException("no ledger policy is in force on " + day + "; the first version is in"
                    + " force from " + byEffectiveFrom.firstKey());
        }
        return inForce.getValue();
    }

    /** The zone whose calendar decides what "today" and a completion date are. */
    public ZoneId zone() {
        return zone;
    }
}
