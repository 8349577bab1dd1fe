package org.cecplatform.renewal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The renewal rules of each policy version, by the first day each is in force. A command or a read picks the rules
 * of its day ({@link #on}) before it builds the aggregate: a renewal is judged and priced by the version in force on
 * the day it is requested, so a fee or requirement that changes later does not change how it was judged. The time
 * zone (what "today" is) is the same in every version.
 */
public final class RenewalRulesHistory {

    private final NavigableMap<LocalDate, RenewalRules> byEffectiveFrom;
    private final ZoneId zone;

    public RenewalRulesHistory(Map<LocalDate, RenewalRules> byEffectiveFrom) {
        if (byEffectiveFrom.isEmpty()) {
            throw new IllegalArgumentException("at least one version of the rules is required");
        }
        this.byEffectiveFrom = new TreeMap<>(byEffectiveFrom);
        this.zone = this.byEffectiveFrom.firstEntry().getValue().policy().zone();
        for (RenewalRules rules : byEffectiveFrom.values()) {
            if (!rules.policy().zone().equals(zone)) {
                throw new IllegalArgumentException("every version of the rules has the same time zone");
            }
        }
    }

    /** The same rules on every day. */
    public static RenewalRulesHistory always(RenewalRules rules) {
        return new RenewalRulesHistory(Map.of(LocalDate.MIN, Objects.requireNonNull(rules, "rules")));
    }

    /** The rules in force on {@code day} (a date in the policy zone). */
    public RenewalRules on(LocalDate day) {
        Entry<LocalDate, RenewalRules> inForce = byEffectiveFrom.floorEntry(day);
        if (inForce == null) {
            throw new IllegalArgumentException("no rules are in force on " + day + "; the first version is in force"
                    + " from " + byEffectiveFrom.firstKey());
        }
        return inForce.getValue();
    }

    /** The calendar date of an instant in the policy zone: what "today" means for every rule. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
