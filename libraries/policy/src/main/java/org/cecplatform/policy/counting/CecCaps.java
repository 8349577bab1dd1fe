package org.cecplatform.policy.counting;

import java.math.BigDecimal;

/**
 * Caps applied when counting ledger credits toward a cycle (the ledger still records everything):
 * {@code COMMITTEE_SERVICE} per calendar year and per cycle, {@code CPR_AED_FIRST_AID} per calendar year.
 */
public record CecCaps(BigDecimal committeeServicePerYear, BigDecimal committeeServicePerCycle, BigDecimal cprPerYear) {
}
