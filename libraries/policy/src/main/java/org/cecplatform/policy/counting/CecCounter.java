package org.cecplatform.policy.counting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a person's ledger credits toward a window of completion dates (both ends inclusive). Voided credits never
 * count. The yearly caps ({@code COMMITTEE_SERVICE}, {@code CPR_AED_FIRST_AID}) are per person and calendar year,
 * across cycles: the person's credits are taken in order of completion date (then credit id), each using up what is
 * left of its year's cap, so a credit that counted toward the old cycle in a year a renewal split uses up that year's
 * cap for the new one. {@code COMMITTEE_SERVICE} is also capped per window (the cycle cap).
 *
 * <p>Pass every credit of the person, not only those inside the window: the earlier credits of the window's first
 * calendar year decide how much of that year's caps is left.
 */
public final class CecCounter {

    private static final Comparator<CountableCredit> COMPLETION_ORDER = Comparator
            .comparing(CountableCredit::completedOn).thenComparing(CountableCredit::creditId);

    private final CecCaps caps;

    public CecCounter(CecCaps caps) {
        this.caps = caps;
    }

    public CecCount count(Collection<? extends CountableCredit> credits, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return CecCount.NONE;
        }
        Map<String, BigDecimal> counted = new TreeMap<>();
        BigDecimal uncapped = BigDecimal.ZERO;
        YearlyCaps yearly = new YearlyCaps();
        for (CountableCredit credit : inCompletionOrder(credits, from.getYear(), to.getYear())) {
            String category = credit.category() == null ? CecCategories.GENERAL : credit.category();
            BigDecimal value = yearly.take(category, credit.completedOn().getYear(), credit.cecs());
            boolean inWindow = !credit.completedOn().isBefore(from) && !credit.completedOn().isAfter(to);
            if (inWindow && !credit.countedElsewhere()) {
                uncapped = uncapped.add(credit.cecs());
                counted.merge(category, value, BigDecimal::add);
            }
        }
        counted.computeIfPresent(CecCategories.COMMITTEE_SERVICE, (k, v) -> v.min(caps.committeeServicePerCycle()));
        BigDecimal total = counted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CecCount(total, counted, uncapped);
    }

    /** The credits that can matter for a window of these calendar years, oldest first. */
    private static List<CountableCredit> inCompletionOrder(Collection<? extends CountableCredit> credits,
                                                           int firstYear, int lastYear) {
        List<CountableCredit> relevant = new ArrayList<>(credits.size());
        for (CountableCredit credit : credits) {
            if (credit.voided() || credit.completedOn() == null || credit.cecs() == null
                    || credit.completedOn().getYear() < firstYear || credit.completedOn().getYear() > lastYear) {
                continue;
            }
            relevant.add(credit);
        }
        relevant.sort(COMPLETION_ORDER);
        return relevant;
    }

    /** What is left of each capped category's yearly cap, as credits are taken in completion order. */
    private final class YearlyCaps {
        private final Map<Integer, BigDecimal> committeeUsed = new HashMap<>();
        private final Map<Integer, BigDecimal> cprUsed = new HashMap<>();

        BigDecimal take(String category, int year, BigDecimal cecs) {
            return switch (category) {
                case CecCategories.COMMITTEE_SERVICE -> take(committeeUsed, caps.committeeServicePerYear(), year, cecs);
                case CecCategories.CPR_AED_FIRST_AID -> take(cprUsed, caps.cprPerYear(), year, cecs);
                default -> cecs;
            };
        }

        private static BigDecimal take(Map<Integer, BigDecimal> used, BigDecimal cap, int year, BigDecimal cecs) {
            BigDecimal before = used.getOrDefault(year, BigDecimal.ZERO);
            BigDecimal value = cecs.min(cap.subtract(before)).max(BigDecimal.ZERO);
            used.put(year, before.add(value));
            return value;
        }
    }
}
