package org.cecplatform.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The ledger's rules for recording a credit: the CECs one reported unit is worth (by unit name, e.g. {@code CEU}),
 * the most CECs one credit may be worth, and the college grades that pass.
 */
public record LedgerRules(Map<String, BigDecimal> cecsPerUnit, BigDecimal maxCecsPerCredit, List<String> passingGrades) {

    public LedgerRules {
        cecsPerUnit = Map.copyOf(cecsPerUnit);
        passingGrades = List.copyOf(passingGrades);
    }
}
