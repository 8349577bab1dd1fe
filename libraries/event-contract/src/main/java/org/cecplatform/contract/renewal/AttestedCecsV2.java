package org.cecplatform.contract.renewal;

import java.math.BigDecimal;

/** The attested CEC totals of a renewal form, by field (null: not filled in). */
public record AttestedCecsV2(
        BigDecimal ceOnlineAndAcsmEvents,
        BigDecimal otherProviders,
        BigDecimal collegeCourses,
        BigDecimal committeeService,
        BigDecimal cprAedFirstAid,
        BigDecimal publicationsAndPresentations) {
}
