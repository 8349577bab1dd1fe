package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts ledger credits toward a cycle window, by completion date (both ends inclusive): voided credits never count;
 * {@code COMMITTEE_SERVICE} is capped per calendar year and per window, {@code CPR_AED_FIRST_AID} per calendar year.
 * The per-year caps apply to the part of each calendar year that lies inside the window.
 */
public final class CecCounter {

    private final CecCaps caps;

    public CecCounter(CecCaps caps) {
        this.caps = caps;
    }

    public CecCount count(Collection<Credit> credits, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return CecCount.NONE;
        }
        Map<String, BigDecimal> raw = new TreeMap<>();
        Map<Integer, BigDecimal> committeeByYear = new TreeMap<>();
        Map<Integer, BigDecimal> cprByYear = new TreeMap<>();
        BigDecimal uncapped = BigDecimal.ZERO;
        for (Credit credit : credits) {
            if (credit.voided() || credit.completedOn() == null || credit.cecs() == null
                    || credit.completedOn().isBefore(from) || credit.completedOn().isAfter(to)) {
                continue;
            }
            String category = credit.category() == null ? CecCategories.GENERAL : credit.category();
            uncapped = uncapped.add(credit.cecs());
            int year = credit.completedOn().getYear();
            switch (category) {
                case CecCategories.COMMITTEE_SERVICE -> committeeByYear.merge(year, credit.cecs(), BigDecimal::add);
                case CecCategories.CPR_AED_FIRST_AID -> cprByYear.merge(year, credit.cecs(), BigDecimal::add);
                default -> raw.merge(category, credit.cecs(), BigDecimal::add);
            }
        }
        if (!committeeByYear.isEmpty()) {
            BigDecimal committee = capEachYear(committeeByYear, caps.committeeServicePerYear())
                    .min(caps.committeeServicePerCycle());
            raw.put(CecCategories.COMMITTEE_SERVICE, committee);
        }
        if (!cprByYear.isEmpty()) {
            raw.put(CecCategories.CPR_AED_FIRST_AID, capEachYear(cprByYear, caps.cprPerYear()));
        }
        BigDecimal total = raw.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CecCount(total, raw, uncapped);
    }

    private static BigDecimal capEachYear(Map<Integer, BigDecimal> byYear, BigDecimal cap) {
        return byYear.values().stream().map(v -> v.min(cap)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
