package org.cecplatform.renewal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.cecplatform.policy.dated.InForce;

/**
 * The renewal rules of each policy version, by the first day each is in force. A command or a read picks the rules
 * of its day ({@link #on}) before it builds the aggregate: a renewal is judged and priced by the version in force on
 * the day it is requested, so a fee or requirement that changes later does not change how it was judged. The time
 * zone (what "today" is) is the same in every version.
 */
public final class RenewalRulesHistory {

    private final InForce<RenewalRules> versions;
    private final ZoneId zone;

    public RenewalRulesHistory(Map<LocalDate, RenewalRules> byEffectiveFrom) {
        this.versions = new InForce<>(byEffectiveFrom);
        this.zone = versions.same(rules -> rules.policy().zone(), "time zone");
    }

    /** The same rules on every day. */
    public static RenewalRulesHistory always(RenewalRules rules) {
        return new RenewalRulesHistory(Map.of(LocalDate.MIN, rules));
    }

    /** The rules in force on {@code day} (a date in the policy zone). */
    public RenewalRules on(LocalDate day) {
        return versions.on(day);
    }

    /** The calendar date of an instant in the policy zone: what "today" means for every rule. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
