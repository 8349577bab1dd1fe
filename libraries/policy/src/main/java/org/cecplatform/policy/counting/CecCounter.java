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

    /** The caps this counter applies. */
    public CecCaps caps() {
        return caps;
    }

    public CecCount count(Collection<? extends CountableCredit> credits, LocalDate from, LocalDate to) {
        return tally(credits, from, to, null);
    }

    /**
     * The same count, with a {@linkplain CecCount#lines line} for every credit passed saying what it counted and why
     * not more. Only this variant allocates the lines; the figures are those of {@link #count}.
     */
    public CecCount explain(Collection<? extends CountableCredit> credits, LocalDate from, LocalDate to) {
        return tally(credits, from, to, new ArrayList<>(credits.size()));
    }

    /** Counts, and when {@code lines} is not null records there what each credit counted. */
    private CecCount tally(Collection<? extends CountableCredit> credits, LocalDate from, LocalDate to,
                           List<CreditLine> lines) {
        if (from == null || to == null) {
            return CecCount.NONE;
        }
        Map<String, BigDecimal> counted = new TreeMap<>();
        BigDecimal uncapped = BigDecimal.ZERO;
        BigDecimal committeeCounted = BigDecimal.ZERO;
        YearlyCaps yearly = new YearlyCaps();
        for (CountableCredit credit : inCompletionOrder(credits, from, to, lines)) {
            String category = categoryOf(credit);
            BigDecimal value = yearly.take(category, credit.completedOn().getYear(), credit.cecs());
            boolean inWindow = !credit.completedOn().isBefore(from) && !credit.completedOn().isAfter(to);
            if (!inWindow || credit.countedElsewhere()) {
                record(lines, credit, category, BigDecimal.ZERO,
                        inWindow ? CreditLine.Outcome.COUNTED_ELSEWHERE : CreditLine.Outcome.OUTSIDE_WINDOW);
                continue;
            }
            CreditLine.Outcome outcome = value.compareTo(credit.cecs()) < 0
                    ? CreditLine.Outcome.CAPPED_PER_YEAR : CreditLine.Outcome.COUNTED;
            if (CecCategories.COMMITTEE_SERVICE.equals(category)) { // the cycle cap, taken in completion order too
                BigDecimal left = caps.committeeServicePerCycle().subtract(committeeCounted).max(BigDecimal.ZERO);
                if (value.compareTo(left) > 0) {
                    value = left;
                    outcome = CreditLine.Outcome.CAPPED_PER_CYCLE;
                }
                committeeCounted = committeeCounted.add(value);
            }
            uncapped = uncapped.add(credit.cecs());
            counted.merge(category, value, BigDecimal::add);
            record(lines, credit, category, value, outcome);
        }
        BigDecimal total = counted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (lines != null) {
            lines.sort(Comparator.comparing((CreditLine line) -> line.credit().completedOn(),
                    Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(line -> line.credit().creditId()));
            return new CecCount(total, counted, uncapped, lines);
        }
        return new CecCount(total, counted, uncapped);
    }

    private static String categoryOf(CountableCredit credit) {
        return credit.category() == null ? CecCategories.GENERAL : credit.category();
    }

    private static void record(List<CreditLine> lines, CountableCredit credit, String category, BigDecimal counted,
                               CreditLine.Outcome outcome) {
        if (lines != null) {
            lines.add(new CreditLine(credit, category, counted, outcome));
        }
    }

    /**
     * The credits that can matter for a window (those of its calendar years), oldest first; the others go to
     * {@code lines} when it is not null.
     */
    private static List<CountableCredit> inCompletionOrder(Collection<? extends CountableCredit> credits,
                                                           LocalDate from, LocalDate to, List<CreditLine> lines) {
        int firstYear = from.getYear();
        int lastYear = to.getYear();
        List<CountableCredit> relevant = new ArrayList<>(credits.size());
        for (CountableCredit credit : credits) {
            if (credit.voided()) {
                record(lines, credit, categoryOf(credit), BigDecimal.ZERO, CreditLine.Outcome.VOIDED);
            } else if (credit.completedOn() == null || credit.cecs() == null
                    || credit.completedOn().getYear() < firstYear || credit.completedOn().getYear() > lastYear) {
                record(lines, credit, categoryOf(credit), BigDecimal.ZERO, CreditLine.Outcome.OUTSIDE_WINDOW);
            } else {
                relevant.add(credit);
            }
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
